using Municipal.Forms.Api;
using Municipal.Forms.Model;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Json;

public sealed class SubmissionReaderTests
{
    private static readonly FormDefinition Form = Samples.RoomBooking() with
    {
        Steps =
        [
            .. Samples.RoomBooking().Steps,
            new FormStep
            {
                Title = "Pièces",
                Fields =
                [
                    new AddressField { Name = "adresse", Label = "Adresse" },
                    new FileField { Name = "photos", Label = "Photos", MaxFiles = 2, MaxBytes = 1024, AcceptedTypes = ["image/png"] },
                    new MultiChoiceField { Name = "materiel", Label = "Matériel", Options = [new("tables", "Tables"), new("chaises", "Chaises")] },
                ],
            },
        ],
    };

    [Fact]
    public void A_well_formed_submission_is_read_into_typed_values_and_passes_validation()
    {
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        var json = $$"""
            { "email": "marie@ans.be", "values": {
                "nom": "Marie Dupont", "nrn": "85.07.30-033.28", "association": false, "salle": "fetes", "personnes": "40",
                "jour": "2026-05-02", "reglement": true, "rappel": null,
                "adresse": { "street": "Rue de la Station", "number": "12", "box": null, "postalCode": "4430", "locality": "Ans" },
                "photos": [ { "name": "trou.png", "contentType": "image/png", "base64": "{{png}}" } ],
                "materiel": ["chaises", "tables"] } }
            """;

        var input = SubmissionReader.Read(Form, json);

        Assert.Empty(input.Errors);
        Assert.Equal("marie@ans.be", input.Email);
        Assert.Equal(new NumberValue(40), input.Values["personnes"]);
        Assert.Equal(new DateValue(new DateOnly(2026, 5, 2)), input.Values["jour"]);
        Assert.Equal(new AddressValue("Rue de la Station", "12", "", "4430", "Ans"), input.Values["adresse"]);
        Assert.Equal(12, Assert.IsType<FileListValue>(input.Values["photos"]).Files[0].Content.Length);
        var result = FormValidator.ValidateForm(Form, input.Values, input.Errors);
        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal(new MultiChoiceValue(["tables", "chaises"]), result.Values["materiel"] with { }, new MultiChoiceComparer());
    }

    [Theory]
    [InlineData("nom", "42")]
    [InlineData("nom", "[\"Marie\"]")]
    [InlineData("association", "\"oui\"")]
    [InlineData("personnes", "{\"n\": 4}")]
    [InlineData("personnes", "\"quarante\"")]
    [InlineData("personnes", "1e400")]
    [InlineData("jour", "\"02/05/2026\"")]
    [InlineData("jour", "\"2026-02-30\"")]
    [InlineData("salle", "true")]
    [InlineData("materiel", "\"tables\"")]
    [InlineData("materiel", "[1, 2]")]
    [InlineData("adresse", "\"Rue de la Station 12, 4430 Ans\"")]
    [InlineData("adresse", "{\"street\": 12}")]
    [InlineData("adresse", "{\"rue\": \"x\"}")]
    [InlineData("photos", "{\"name\": \"a.png\"}")]
    [InlineData("photos", "[{\"name\": \"a.png\", \"contentType\": \"image/png\", \"base64\": \"%%%\"}]")]
    [InlineData("photos", "[{\"name\": \"a.png\", \"contentType\": \"image/png\"}]")]
    [InlineData("photos", "[1, 2, 3]")]
    [InlineData("rappel", "\"une réponse\"")]
    public void A_value_of_the_wrong_kind_gives_an_error_on_that_field(string field, string value)
    {
        var input = SubmissionReader.Read(Form, $$"""{ "email": "marie@ans.be", "values": { "{{field}}": {{value}} } }""");

        var error = Assert.Single(input.Errors);
        Assert.Equal(field, error.Field);
        Assert.False(input.Values.ContainsKey(field));
        var label = Form.AllFields().Single(f => f.Name == field).Label;
        Assert.Contains($"« {label} »", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "email": "marie@ans.be", "values": { "nom": "\uD800" } }""")]
    [InlineData("""{ "email": "\uDC00@ans.be", "values": {} }""")]
    [InlineData("""{ "email": "marie@ans.be", "values": { "adresse": { "street": "Rue \uD83D", "number": "1", "postalCode": "4000", "locality": "Liège" } } }""")]
    public void Text_that_is_not_valid_unicode_is_refused_without_throwing(string json)
    {
        var input = SubmissionReader.Read(Form, json);

        Assert.Empty(input.Values);
        Assert.Contains(input.Errors, e => e.Field.Length == 0);
    }

    [Fact]
    public void A_one_megabyte_string_is_refused_on_its_field()
    {
        var huge = new string('a', 1024 * 1024);
        var input = SubmissionReader.Read(Form, $$"""{ "email": "marie@ans.be", "values": { "nom": "{{huge}}", "nrn": "{{huge}}", "adresse": { "street": "{{huge}}" } } }""");
        Assert.Equal(["nom", "nrn", "adresse"], input.Errors.Select(e => e.Field));
        Assert.Equal($"« Nom et prénom » doit contenir au plus {SubmissionReader.MaxStringLength} caractères.", input.Errors[0].Message);
    }

    [Fact]
    public void Too_big_or_too_many_files_are_refused_before_decoding()
    {
        var big = Convert.ToBase64String(new byte[4096]);
        var input = SubmissionReader.Read(Form, $$"""{ "email": "a@ans.be", "values": { "photos": [ { "name": "a.png", "contentType": "image/png", "base64": "{{big}}" } ] } }""");
        Assert.Equal("Le fichier « a.png » joint à « Photos » doit peser au plus 1 Ko.", Assert.Single(input.Errors).Message);
        var file = """{ "name": "a.png", "contentType": "image/png", "base64": "iVBORw0KGgo=" }""";
        input = SubmissionReader.Read(Form, $$"""{ "email": "a@ans.be", "values": { "photos": [ {{file}}, {{file}}, {{file}} ] } }""");
        Assert.Equal("Joignez au plus 2 fichier(s) à « Photos ».", Assert.Single(input.Errors).Message);
    }

    [Fact]
    public void Unknown_field_names_are_refused_in_one_error()
    {
        var input = SubmissionReader.Read(Form, """{ "email": "a@ans.be", "values": { "nom": "Marie", "nomm": "Marie", "__proto__": {} } }""");
        var error = Assert.Single(input.Errors);
        Assert.Equal("values", error.Field);
        Assert.Contains("« nomm », « __proto__ »", error.Message, StringComparison.Ordinal);
        Assert.Equal(new TextValue("Marie"), input.Values["nom"]);
    }

    [Fact]
    public void A_field_sent_twice_is_refused()
    {
        var input = SubmissionReader.Read(Form, """{ "email": "a@ans.be", "values": { "nom": "Marie", "nom": "Jean" } }""");
        Assert.Equal("« Nom et prénom » a reçu plusieurs réponses : envoyez-en une seule.", Assert.Single(input.Errors).Message);
        Assert.False(input.Values.ContainsKey("nom"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"values\"")]
    [InlineData("{ \"email\": \"a@ans.be\", \"values\": [] }")]
    [InlineData("{ \"email\": 12, \"values\": {} }")]
    [InlineData("{ \"email\": \"pas-une-adresse\", \"values\": {} }")]
    [InlineData("{ \"values\": {} }")]
    public void A_malformed_body_gives_errors_and_no_values(string json)
    {
        var input = SubmissionReader.Read(Form, json);
        Assert.NotEmpty(input.Errors);
        Assert.Empty(input.Values);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_throwing()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var input = SubmissionReader.Read(Form, $$"""{ "email": "a@ans.be", "values": { "nom": {{deep}} } }""");
        Assert.Equal("Le corps de la demande n'est pas un JSON valide (ou il est imbriqué trop profondément).", Assert.Single(input.Errors).Message);
    }

    private sealed class MultiChoiceComparer : IEqualityComparer<FieldValue>
    {
        public bool Equals(FieldValue? x, FieldValue? y) =>
            x is MultiChoiceValue a && y is MultiChoiceValue b && a.Values.SequenceEqual(b.Values);

        public int GetHashCode(FieldValue obj) => 0;
    }
}
