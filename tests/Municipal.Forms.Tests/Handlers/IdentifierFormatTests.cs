using Municipal.Forms.Model;
using Municipal.Forms.Storage;

namespace Municipal.Forms.Tests.Handlers;

/// <summary>Identifiers read as people write them on the summary, to the agent and in the export; masked in mails.</summary>
public sealed class IdentifierFormatTests
{
    private static readonly FormDefinition Form = new()
    {
        Slug = "remboursement",
        Title = "Remboursement",
        Steps =
        [
            new FormStep
            {
                Title = "Vous",
                Fields =
                [
                    new NrnField { Name = "nrn", Label = "Numéro de registre national", PersonalData = true },
                    new PhoneField { Name = "gsm", Label = "GSM" },
                    new PhoneField { Name = "fixe", Label = "Téléphone fixe" },
                    new PhoneField { Name = "ailleurs", Label = "Téléphone à l'étranger" },
                    new IbanField { Name = "compte", Label = "Compte", PersonalData = true },
                ],
            },
        ],
    };

    [Fact]
    public void The_summary_lines_show_national_numbers_phones_and_ibans_in_their_usual_groups()
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["nrn"] = new TextValue("90021412303"),
            ["gsm"] = new TextValue("+32470123456"),
            ["fixe"] = new TextValue("+3281123456"),
            ["ailleurs"] = new TextValue("+33123456789"),
            ["compte"] = new TextValue("BE68539007547034"),
        };

        var text = StoredAnswers.Lines(Form, SubmissionValuesJson.Write(values, new Dictionary<string, IReadOnlyList<StoredFileReference>>()))
            .ToDictionary(l => l.FieldName, l => l.Text);

        Assert.Equal("90.02.14-123.03", text["nrn"]);
        Assert.Equal("+32 470 12 34 56", text["gsm"]);
        Assert.Equal("+32 81 12 34 56", text["fixe"]);
        Assert.Equal("+33123456789", text["ailleurs"]);
        Assert.Equal("BE68 5390 0754 7034", text["compte"]);
    }

    [Theory]
    [InlineData("+3221234567", "+32 2 123 45 67")] // Brussels: a one-digit zone
    [InlineData("+3243123456", "+32 4 312 34 56")] // Liège landline
    [InlineData("+32497123456", "+32 497 12 34 56")]
    public void Belgian_numbers_are_grouped_by_zone(string e164, string shown)
    {
        Assert.Equal(shown, IdentifierFormat.Phone(e164));
    }

    [Fact]
    public void Identifiers_in_a_mail_text_keep_their_last_digits_only()
    {
        var text = "Votre numéro 85.07.30-033.28 (ou 85073003328) et le compte BE68 5390 0754 7034 sont notés ; la référence 12345678901 reste.";

        var masked = IdentifierFormat.MaskInText(text);

        Assert.Equal("Votre numéro ••.••.••-•••.28 (ou ••.••.••-•••.28) et le compte BE•• •••• •••• 7034 sont notés ; la référence 12345678901 reste.", masked);
    }
}
