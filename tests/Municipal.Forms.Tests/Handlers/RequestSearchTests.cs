using Municipal.Forms.Model;
using Municipal.Forms.Requests;
using Municipal.Forms.Storage;

namespace Municipal.Forms.Tests.Handlers;

/// <summary>What the queue's search reads and how what the agent types is read.</summary>
public sealed class RequestSearchTests
{
    [Theory]
    [InlineData("Émile  DUPONT", "emile dupont")]
    [InlineData("  Ça   va ", "ca va")]
    [InlineData("Łódź", "łodz")]
    public void Text_is_lower_case_without_accents_and_with_single_spaces(string value, string expected) =>
        Assert.Equal(expected, RequestSearch.Normalise(value));

    [Theory]
    [InlineData("EG-7KQ4-M2XP-9WTD-K", "EG-7KQ4-M2XP-9WTD-K")]
    [InlineData("eg 7kq4 m2", "EG-7KQ4-M2")]
    [InlineData("7KQ4M2XP", "EG-7KQ4-M2XP")]
    [InlineData("7KQ", null)]
    [InlineData("dupont", null)]
    [InlineData("85073100328", null)]
    public void A_code_or_its_beginning_is_read_as_stored(string typed, string? expected) =>
        Assert.Equal(expected, RequestSearch.CodePrefix(typed));

    [Fact]
    public void Text_answers_e_mail_and_name_are_searchable_a_national_number_only_as_a_hash_and_choices_not_at_all()
    {
        var form = new FormDefinition
        {
            Slug = "f",
            Title = "F",
            Steps =
            [
                new FormStep
                {
                    Title = "S",
                    Fields =
                    [
                        new TextField { Name = "nom", Label = "Nom" },
                        new NrnField { Name = "nrn", Label = "NRN" },
                        new ChoiceField { Name = "choix", Label = "Choix", Options = [new("a", "Option secrète")] },
                    ],
                },
            ],
        };
        var values = SubmissionValuesJson.Write(
            new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["nom"] = new TextValue("Zoé Lambert"), ["nrn"] = new TextValue("85073100328"), ["choix"] = new ChoiceValue("a") },
            new Dictionary<string, IReadOnlyList<StoredFileReference>>(StringComparer.Ordinal));

        var (text, keys) = RequestSearch.Build(form, values, "Zoe@Exemple.be", "Zoé Lambert-Durand", "85.07.31-003.28");

        Assert.Contains("zoe lambert", text, StringComparison.Ordinal);
        Assert.Contains("zoe@exemple.be", text, StringComparison.Ordinal);
        Assert.Contains("lambert-durand", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8507", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secrete", text, StringComparison.Ordinal);
        Assert.DoesNotContain("85073100328", keys, StringComparison.Ordinal);
        Assert.Single(keys.Split(' ', StringSplitOptions.RemoveEmptyEntries)); // the answer and the signed-in citizen: the same number, one key
    }
}
