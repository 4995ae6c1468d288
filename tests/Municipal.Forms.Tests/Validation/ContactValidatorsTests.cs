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
    [InlineData("12345", "Le numéro saisi dans « Téléphone » doit commencer par 0 (ou par + et l'indicatif du pays, +32 pour la Belgique).")]
    [InlineData("0470 12 34 5", "Un numéro de GSM belge compte 9 chiffres après le 0 (ou après +32) ; celui saisi dans « Téléphone » en compte 8.")] // mobile one digit short
    [InlineData("081 12 34 567", "Un numéro de téléphone fixe belge compte 8 chiffres après le 0 (ou après +32) ; celui saisi dans « Téléphone » en compte 9.")] // landline one digit long
    [InlineData("0412 34 56 78", "Un numéro de téléphone fixe belge compte 8 chiffres après le 0 (ou après +32) ; celui saisi dans « Téléphone » en compte 9.")] // 9 digits but not a mobile prefix
    [InlineData("+32 0470 12 34 56", "Dans « Téléphone », le 0 du numéro belge ne s'écrit pas après +32 : +32 puis le numéro sans son 0.")] // the 0 is dropped after +32
    [InlineData("+0123456789", "Un numéro international compte de 8 à 15 chiffres après le + et l'indicatif ne commence pas par 0 ; celui saisi dans « Téléphone » compte 10 chiffres.")]
    [InlineData("+1234567890123456", "Un numéro international compte de 8 à 15 chiffres après le + et l'indicatif ne commence pas par 0 ; celui saisi dans « Téléphone » compte 16 chiffres.")] // 16 digits, beyond E.164
    [InlineData("0470 ab 34 56", "« Téléphone » ne peut contenir que des chiffres, un + au début, et des espaces, points, tirets ou barres obliques entre eux.")]
    public void Wrong_numbers_are_refused_saying_what_is_wrong(string input, string message)
    {
        var error = Assert.Single(PhoneValidator.Validate(Phone, new TextValue(input)).Errors);
        Assert.Equal("tel", error.Field);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("marie.dupont@ans.be")]
    [InlineData("a+b@sub.example.org")]
    [InlineData("élise@commune-ans.be")]
    public void Valid_emails_are_accepted(string input)
    {
        Assert.True(EmailValidator.Validate(Email, new TextValue(input)).IsValid);
    }

    private const string Domain = "La partie après le @ de l'adresse saisie dans « Adresse e-mail » n'est pas un nom de domaine complet : il lui manque un point et une extension (.be, .com…) ou elle contient un caractère non accepté.";
    private const string Local = "La partie avant le @ de l'adresse saisie dans « Adresse e-mail » est vide, trop longue ou contient un caractère non accepté (point au début ou à la fin, deux points qui se suivent, virgule, parenthèse…).";

    [Theory]
    [InlineData("marie@", Domain)]
    [InlineData("@ans.be", Local)]
    [InlineData("marie@ans", Domain)]
    [InlineData("a@b@ans.be", "L'adresse saisie dans « Adresse e-mail » contient plusieurs signes @ : elle ne doit en avoir qu'un.")]
    [InlineData("marie dupont@ans.be", "L'adresse saisie dans « Adresse e-mail » contient une espace : une adresse e-mail n'en a pas.")]
    [InlineData("marie.ans.be", "Il manque le signe @ dans l'adresse saisie dans « Adresse e-mail ».")]
    [InlineData("marie@.ans.be", Domain)]
    [InlineData("marie@ans..be", Domain)]
    [InlineData("marie.@ans.be", Local)]
    [InlineData("marie@-ans.be", Domain)]
    public void Invalid_emails_are_refused_saying_what_is_wrong(string input, string message)
    {
        var error = Assert.Single(EmailValidator.Validate(Email, new TextValue(input)).Errors);
        Assert.Equal(message, error.Message);
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
