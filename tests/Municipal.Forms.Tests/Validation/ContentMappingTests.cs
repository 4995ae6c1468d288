using Municipal.Core.Modules;
using Municipal.Forms.Model;
using Municipal.Forms.Requests;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Validation;

/// <summary>A form's "createsContent": checked against its own fields, then against the content types the modules offer.</summary>
public sealed class ContentMappingTests
{
    private static readonly IRequestContentTarget[] Targets = [new FakeTarget()];

    [Fact]
    public void A_mapping_of_plain_answers_onto_known_fields_is_sound()
    {
        var form = Mapped(new() { ["title"] = "asbl", ["day"] = "jour", ["room"] = "salle" });

        Assert.Empty(FormDefinitionChecker.Check(form));
        Assert.Empty(FormDefinitionChecker.CheckTarget(form, Targets));
    }

    [Fact]
    public void A_field_the_form_lacks_or_an_identity_number_is_refused()
    {
        var problems = FormDefinitionChecker.Check(Mapped(new() { ["title"] = "titre", ["day"] = "nrn" }));

        Assert.Equal(2, problems.Count);
        Assert.Contains("« createsContent » remplit « title » avec le champ « titre », que ce formulaire n'a pas.", problems);
        Assert.Contains(problems, p => p.Contains("« day » avec le champ « nrn » : un numéro national", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_type_an_unknown_target_field_and_a_missing_required_one_are_named()
    {
        var unknownType = FormDefinitionChecker.CheckTarget(Samples.RoomBooking() with { CreatesContent = new FormContentMapping("Concert", new Dictionary<string, string> { ["title"] = "nom" }) }, Targets);
        var fields = FormDefinitionChecker.CheckTarget(Mapped(new() { ["titre"] = "asbl", ["day"] = "jour" }), Targets);

        Assert.Equal("« createsContent » nomme le type « Concert », qu'aucun module ne sait créer à partir d'une demande (types possibles : Meeting).", Assert.Single(unknownType));
        Assert.Equal(
            ["« createsContent » remplit « titre », que le type « Meeting » n'a pas (champs possibles : title, day, room).", "« createsContent » doit remplir « title », obligatoire pour le type « Meeting »."],
            fields);
    }

    [Fact]
    public void Only_the_mapped_answers_are_given_as_plain_text()
    {
        var values = RequestContent.Values(
            new FormContentMapping("Meeting", new Dictionary<string, string> { ["title"] = "asbl", ["day"] = "jour", ["room"] = "salle", ["free"] = "association" }),
            """{"nom": "Marie Dupont", "nrn": "85071412330", "asbl": " Les Amis ", "jour": "2027-06-12", "salle": "fetes", "association": true}""");

        Assert.Equal(new Dictionary<string, string> { ["title"] = "Les Amis", ["day"] = "2027-06-12", ["room"] = "fetes", ["free"] = "true" }, values);
    }

    private static FormDefinition Mapped(Dictionary<string, string> fields) =>
        Samples.RoomBooking() with { CreatesContent = new FormContentMapping("Meeting", fields) };

    private sealed class FakeTarget : IRequestContentTarget
    {
        public string ContentType => "Meeting";

        public string Feature => "meetings";

        public IReadOnlyList<RequestContentField> Fields { get; } = [new("title", Required: true), new("day"), new("room")];

        public Task<RequestContentDraft> CreateDraftAsync(RequestContentOrigin origin, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<RequestContentDraft?> FindDraftAsync(string trackingCode, CancellationToken cancellationToken) => Task.FromResult<RequestContentDraft?>(null);
    }
}
