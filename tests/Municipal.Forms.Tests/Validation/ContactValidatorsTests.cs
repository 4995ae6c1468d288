using Municipal.Forms.Model;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Validation;

public sealed class ContactValidatorsTests
{
    private static readonly PhoneField Phone = new() { Name = "tel", Label = "Téléphone", Required = true };
    private static readonly EmailField Email = new() { Name = "courriel", Label = "Adresse e-mail", Required = true };

    [Theory]
    [InlineData("081 12 34 56", "+3281123456")]
    [InlineData("02/123.45.67", "+3221234567")]
    [InlineData("0470 12 34 56", "+32470123456")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("0032 4 230 12 34", "+3242301234")]
    [InlineData("+33 1 23 45 67 89", "+33123456789")]
    [InlineData("+1 (202) 555-0143", "+12025550143")]
    public void Belgian_and_international_numbers_are_accepted_in_e164(string input, string e164)
    {
        Assert.Equal(new TextValue(e164), PhoneValidator.Validate(Phone, new TextValue(input)).Value);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0470 12 34 5")] // mobile one digit short
    [InlineData("081 12 34 567")] // landline one digit long
    [InlineData("0412 34 56 78")] // 9 digits but not a mobile prefix
    [InlineData("+32 0470 12 34 56")] // the 0 is dropped after +32
    [InlineData("+0123456789")]
    [InlineData("+1234567890123456")] // 16 digits, beyond E.164
    [InlineData("0470 ab 34 56")]
    public void Wrong_numbers_are_refused_with_examples(string input)
    {
        var error = Assert.Single(PhoneValidator.Validate(Phone, new TextValue(input)).Errors);
        Assert.Equal("tel", error.Field);
        Assert.StartsWith("Saisissez un numéro de téléphone valide dans « Téléphone »", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("marie.dupont@ans.be")]
    [InlineData("a+b@sub.example.org")]
    [InlineData("élise@commune-ans.be")]
    public void Valid_emails_are_accepted(string input)
    {
        Assert.True(EmailValidator.Validate(Email, new TextValue(input)).IsValid);
    }

    [Theory]
    [InlineData("marie@")]
    [InlineData("@ans.be")]
    [InlineData("marie@ans")]
    [InlineData("a@b@ans.be")]
    [InlineData("marie dupont@ans.be")]
    [InlineData("marie@.ans.be")]
    [InlineData("marie@ans..be")]
    [InlineData("marie.@ans.be")]
    [InlineData("marie@-ans.be")]
    public void Invalid_emails_are_refused(string input)
    {
        var error = Assert.Single(EmailValidator.Validate(Email, new TextValue(input)).Errors);
        Assert.Equal("Saisissez une adresse e-mail valide dans « Adresse e-mail », par exemple nom@exemple.be.", error.Message);
    }

    [Fact]
    public void Emails_are_limited_to_254_characters()
    {
        var at254 = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + "." + new string('c', 6);
        Assert.Equal(254, at254.Length);
        Assert.True(EmailValidator.IsValid(at254));
        Assert.False(EmailValidator.IsValid(at254 + "c"));
    }
}
