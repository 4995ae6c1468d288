using Municipal.Forms.Model;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Validation;

public sealed class NrnValidatorTests
{
    private static readonly NrnField Field = new() { Name = "nrn", Label = "Numéro de registre national", Required = true };

    // Check digits computed by hand: 97 − (850730033 mod 97) = 28; 97 − (2051203124 mod 97) = 4.
    [Theory]
    [InlineData("85.07.30-033.28", "85073003328")] // born 30 July 1985
    [InlineData("85073003328", "85073003328")]
    [InlineData(" 850730 033 28 ", "85073003328")]
    [InlineData("05.12.03-124.04", "05120312404")] // born 3 December 2005: the "2" prefix rule
    [InlineData("05.12.03-124.72", "05120312472")] // the same first 9 digits, born in 1905: the pre-2000 rule
    [InlineData("85.27.30-033.71", "85273003371")] // bis number, month + 20
    [InlineData("85.47.30-033.17", "85473003317")] // bis number, month + 40
    [InlineData("85.00.00-033.06", "85000003306")] // birth date unknown: month and day 0
    public void Real_shaped_numbers_are_accepted_and_kept_as_11_digits(string input, string digits)
    {
        var outcome = NrnValidator.Validate(Field, new TextValue(input));
        Assert.True(outcome.IsValid);
        Assert.Equal(new TextValue(digits), outcome.Value);
    }

    private const string Characters = "« Numéro de registre national » ne peut contenir que des chiffres, avec si vous le voulez des points, des tirets ou des espaces entre eux.";
    private const string CheckDigits = "Les deux derniers chiffres du numéro saisi dans « Numéro de registre national » ne correspondent pas aux 9 premiers : un chiffre a sans doute été mal recopié, vérifiez-le sur votre carte d'identité.";
    private const string BirthDate = "Le numéro saisi dans « Numéro de registre national » ne correspond pas à une date de naissance valide : ses 6 premiers chiffres sont l'année, le mois et le jour de naissance.";

    [Theory]
    [InlineData("85.07.30-033.29", CheckDigits)] // one check digit off
    [InlineData("85.07.30-034.28", CheckDigits)] // counter changed, check kept
    [InlineData("05.12.03-124.05", CheckDigits)]
    [InlineData("85.13.30-033.28", BirthDate)] // month 13, whatever the check digits
    [InlineData("85.07.32-033.28", BirthDate)] // day 32
    [InlineData("8507300332", "Un numéro de registre national compte 11 chiffres ; celui saisi dans « Numéro de registre national » en compte 10.")]
    [InlineData("850730033281", "Un numéro de registre national compte 11 chiffres ; celui saisi dans « Numéro de registre national » en compte 12.")]
    [InlineData("85O73003328", Characters)] // letter O for a zero
    [InlineData("85_07_30_033_28", Characters)] // not a usual separator
    public void Numbers_with_a_wrong_check_or_shape_are_refused_saying_what_is_wrong(string input, string message)
    {
        var outcome = NrnValidator.Validate(Field, new TextValue(input));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("nrn", error.Field);
        Assert.Equal(message, error.Message);
        Assert.DoesNotContain("par exemple", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_right_check_on_an_impossible_date_says_the_birth_date_is_wrong()
    {
        var number = "850231033" + NrnValidator.CheckDigits("850231033", bornFrom2000: false).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(BirthDate, Assert.Single(NrnValidator.Validate(Field, new TextValue(number)).Errors).Message);
    }

    [Theory]
    [InlineData("851330033", false)] // month 13
    [InlineData("856530033", false)] // bis month 65 = 25
    [InlineData("850732033", false)] // day 32
    [InlineData("850231033", false)] // 31 February
    [InlineData("000229001", false)] // 29 February 1900 did not exist (1900 was not a leap year)
    public void Check_digits_right_but_birth_date_impossible_is_refused(string firstNine, bool bornFrom2000)
    {
        var number = firstNine + NrnValidator.CheckDigits(firstNine, bornFrom2000).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(NrnValidator.IsValid(number));
    }

    [Fact]
    public void The_29th_of_February_2000_exists_under_the_2000_rule()
    {
        var number = "000229001" + NrnValidator.CheckDigits("000229001", bornFrom2000: true).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(NrnValidator.IsValid(number));
    }

    [Fact]
    public void Check_digits_follow_both_century_rules()
    {
        Assert.Equal(28, NrnValidator.CheckDigits("850730033", bornFrom2000: false));
        Assert.Equal(4, NrnValidator.CheckDigits("051203124", bornFrom2000: true));
        Assert.Equal(72, NrnValidator.CheckDigits("051203124", bornFrom2000: false));
    }

    [Fact]
    public void Empty_answer_to_a_required_field_asks_for_it_and_an_optional_one_is_left_empty()
    {
        Assert.Equal("Saisissez votre numéro de registre national dans « Numéro de registre national ».",
            Assert.Single(NrnValidator.Validate(Field, null).Errors).Message);
        Assert.Single(NrnValidator.Validate(Field, new TextValue("  ")).Errors);
        var optional = NrnValidator.Validate(Field with { Required = false }, null);
        Assert.True(optional.IsValid);
        Assert.Null(optional.Value);
    }

    [Fact]
    public void A_huge_value_is_refused_without_work()
    {
        Assert.False(NrnValidator.IsValid(new string('1', 1_000_000)));
    }
}
