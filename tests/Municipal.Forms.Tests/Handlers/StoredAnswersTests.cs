using Municipal.Forms.Model;
using Municipal.Forms.Storage;

namespace Municipal.Forms.Tests.Handlers;

/// <summary>Stored answers read back as French text, in the form's order, as the receipt, the agent and the export show them.</summary>
public sealed class StoredAnswersTests
{
    private static readonly FormDefinition Form = new()
    {
        Slug = "demande",
        Title = "Demande",
        Steps =
        [
            new FormStep
            {
                Title = "Vous",
                Fields =
                [
                    new TextField { Name = "nom", Label = "Nom", PersonalData = true },
                    new AddressField { Name = "adresse", Label = "Adresse", PersonalData = true },
                    new InfoField { Name = "info", Label = "Un texte d'information" },
                ],
            },
            new FormStep
            {
                Title = "La demande",
                Fields =
                [
                    new ChoiceField { Name = "salle", Label = "Salle", Options = [new("fetes", "Salle des fêtes"), new("conseil", "Salle du conseil")] },
                    new MultiChoiceField { Name = "options", Label = "Options", Options = [new("cuisine", "Cuisine"), new("sono", "Sonorisation")] },
                    new BooleanField { Name = "asbl", Label = "Association ?" },
                    new NumberField { Name = "montant", Label = "Montant" },
                    new DateField { Name = "jour", Label = "Date" },
                    new FileField { Name = "photos", Label = "Photos", MaxFiles = 2 },
                    new ConsentField { Name = "accord", Label = "J'accepte" },
                    new TextField { Name = "facultatif", Label = "Non répondu" },
                ],
            },
        ],
    };

    [Fact]
    public void Each_answer_reads_as_a_person_would_write_it_in_the_forms_order()
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["accord"] = new BooleanValue(true),
            ["nom"] = new TextValue("Marie Dupont"),
            ["adresse"] = new AddressValue("Rue de la Station", "12", "3", "4000", "Liège"),
            ["salle"] = new ChoiceValue("fetes"),
            ["options"] = new MultiChoiceValue(["cuisine", "sono"]),
            ["asbl"] = new BooleanValue(false),
            ["montant"] = new NumberValue(1234.5m),
            ["jour"] = new DateValue(new DateOnly(2027, 2, 14)),
            ["photos"] = new FileListValue([]),
        };
        var files = new Dictionary<string, IReadOnlyList<StoredFileReference>>
        {
            ["photos"] = [new StoredFileReference("trou.jpg", "image/jpeg", 2048, "forms/attachments/x/1"), new StoredFileReference("rue.png", "image/png", 10, "forms/attachments/x/2")],
        };

        var lines = StoredAnswers.Lines(Form, SubmissionValuesJson.Write(values, files));

        Assert.Equal(["nom", "adresse", "salle", "options", "asbl", "montant", "jour", "photos", "accord"], lines.Select(l => l.FieldName));
        var text = lines.ToDictionary(l => l.FieldName, l => l.Text);
        Assert.Equal("Marie Dupont", text["nom"]);
        Assert.Equal("Rue de la Station 12 boîte 3, 4000 Liège", text["adresse"]);
        Assert.Equal("Salle des fêtes", text["salle"]);
        Assert.Equal("Cuisine, Sonorisation", text["options"]);
        Assert.Equal("Non", text["asbl"]);
        Assert.Equal("1234,5", text["montant"]);
        Assert.Equal("14/02/2027", text["jour"]);
        Assert.Equal("trou.jpg, rue.png", text["photos"]);
        Assert.Equal("Accepté", text["accord"]);
        Assert.Equal(2, lines.Single(l => l.FieldName == "photos").Files.Count);
        Assert.True(lines.Single(l => l.FieldName == "nom").PersonalData);
        Assert.Equal("La demande", lines.Single(l => l.FieldName == "salle").StepTitle);
    }

    [Fact]
    public void An_address_without_box_and_an_option_removed_from_the_form_still_read()
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["adresse"] = new AddressValue("Place du Marché", "1", null, "5000", "Namur"),
            ["salle"] = new ChoiceValue("ancienne-salle"),
        };

        var lines = StoredAnswers.Lines(Form, SubmissionValuesJson.Write(values, new Dictionary<string, IReadOnlyList<StoredFileReference>>()));

        Assert.Equal("Place du Marché 1, 5000 Namur", lines.Single(l => l.FieldName == "adresse").Text);
        Assert.Equal("ancienne-salle", lines.Single(l => l.FieldName == "salle").Text);
    }
}
