using Municipal.Forms.Model;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Validation;

public sealed class IbanValidatorTests
{
    private static readonly IbanField Field = new() { Name = "compte", Label = "Compte bancaire", Required = true };

    [Theory]
    [InlineData("BE68 5390 0754 7034", "BE68539007547034")]
    [InlineData("be68539007547034", "BE68539007547034")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300")]
    public void Valid_ibans_are_accepted_without_spaces_in_upper_case(string input, string normalised)
    {
        var outcome = IbanValidator.Validate(Field, new TextValue(input));
        Assert.True(outcome.IsValid);
        Assert.Equal(new TextValue(normalised), outcome.Value);
    }

    [Theory]
    [InlineData("BE68 5390 0754 7035")] // last digit changed
    [InlineData("BE69 5390 0754 7034")] // check digit changed
    [InlineData("FR14 2004 1010 0505 0001 3M02 607")]
    [InlineData("DE89 3704 0044 0532 0131 00")]
    [InlineData("NL91 ABNA 0417 1643 01")]
    [InlineData("BE68 5390 0754 703")] // a digit short for Belgium (16)
    [InlineData("XX68 5390 0754 7034")] // no such country
    [InlineData("BE68-5390-0754-7034")]
    [InlineData("")]
    public void Ibans_with_one_digit_changed_or_a_wrong_shape_are_refused(string input)
    {
        Assert.Null(IbanValidator.Normalise(input));
    }

    [Theory]
    [InlineData("BE68 5390 0754 7035", "Les chiffres de contrôle de l'IBAN saisi dans « Compte bancaire » ne correspondent pas au numéro de compte : un caractère a sans doute été mal recopié, vérifiez-le sur un extrait de compte.")]
    [InlineData("BE68 5390 0754 703", "Un IBAN commençant par BE compte 16 caractères ; celui saisi dans « Compte bancaire » en compte 15.")]
    [InlineData("XX68 5390 0754 7034", "Le code pays « XX » du numéro saisi dans « Compte bancaire » n'est pas celui d'un pays de la zone SEPA.")]
    [InlineData("5390 0754 7034", "Le numéro saisi dans « Compte bancaire » doit commencer par le code du pays (deux lettres, BE pour la Belgique) suivi de deux chiffres.")]
    [InlineData("BE68-5390-0754-7034", "« Compte bancaire » ne peut contenir que des lettres, des chiffres et des espaces.")]
    public void The_message_names_the_field_and_says_what_is_wrong(string input, string message)
    {
        var error = Assert.Single(IbanValidator.Validate(Field, new TextValue(input)).Errors);
        Assert.Equal("compte", error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Every_sepa_country_length_is_checked_from_the_rule()
    {
        // Builds an IBAN of the right length for each country, computes its check digits, and changes one digit.
        foreach (var (country, length) in IbanValidator.Lengths)
        {
            var account = new string('1', length - 4);
            var check = 98 - IbanValidator.Mod97(account + country + "00");
            var iban = $"{country}{check:00}{account}";
            Assert.Equal(iban, IbanValidator.Normalise(iban));
            Assert.Null(IbanValidator.Normalise(iban[..^1] + "2"));
            Assert.Null(IbanValidator.Normalise(iban + "1"));
        }

        Assert.Equal(16, IbanValidator.Lengths["BE"]);
    }
}
