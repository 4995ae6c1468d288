using Municipal.Forms.Model;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Validation;

public sealed class FieldValidatorsTests
{
    private static readonly TextField Plate = new()
    {
        Name = "plaque", Label = "Plaque d'immatriculation", Required = true, MinLength = 5, MaxLength = 12,
        Pattern = "[0-9]-[A-Z]{3}-[0-9]{3}", PatternMessage = "Saisissez la plaque comme sur le véhicule, par exemple 1-ABC-123.",
    };

    [Fact]
    public void Text_is_trimmed_and_checked_for_length_and_pattern()
    {
        Assert.Equal(new TextValue("1-ABC-123"), FormValidator.ValidateField(Plate, new TextValue(" 1-ABC-123 ")).Value);
        Assert.Equal("Complétez « Plaque d'immatriculation ».", Message(Plate, new TextValue("   ")));
        Assert.Equal("« Plaque d'immatriculation » doit contenir au moins 5 caractères.", Message(Plate, new TextValue("1-A")));
        Assert.Equal("« Plaque d'immatriculation » doit contenir au plus 12 caractères.", Message(Plate, new TextValue("1-ABC-123-456-789")));
        Assert.Equal("Saisissez la plaque comme sur le véhicule, par exemple 1-ABC-123.", Message(Plate, new TextValue("1-abc-123")));
        Assert.Equal("Saisissez la plaque comme sur le véhicule, par exemple 1-ABC-123.", Message(Plate, new TextValue("x1-ABC-123")));
    }

    [Fact]
    public void A_hostile_pattern_on_a_hostile_value_ends_quickly_as_not_matched()
    {
        // Catastrophic backtracking: with a back-reference the backtracking engine is needed, and the timeout stops it.
        var field = Plate with { Pattern = @"(a+)+\1b", MinLength = null, MaxLength = null, PatternMessage = null };
        var value = new TextValue(new string('a', 900));
        Assert.Equal("« Plaque d'immatriculation » n'a pas la forme attendue : suivez l'exemple donné sous le champ.", Message(field, value));

        // Without a back-reference, the linear engine matches nested quantifiers at once.
        Assert.True(TextValidator.MatchesWhole("(a+)+b", new string('a', 900) + "b"));
        Assert.False(TextValidator.MatchesWhole("(a+)+b", new string('a', 900)));
    }

    [Fact]
    public void An_invalid_pattern_refuses_rather_than_lets_through()
    {
        Assert.False(TextValidator.IsValidPattern("[a-"));
        Assert.False(TextValidator.MatchesWhole("[a-", "a"));
    }

    [Fact]
    public void Text_refuses_control_characters_and_long_text_keeps_its_lines()
    {
        Assert.Single(FormValidator.ValidateField(Plate with { Pattern = null }, new TextValue("1-AB\0C-123")).Errors);
        var body = new TextAreaField { Name = "message", Label = "Votre message" };
        Assert.Equal(new TextValue("Bonjour,\nmerci."), FormValidator.ValidateField(body, new TextValue("Bonjour,\r\nmerci.")).Value);
        Assert.Equal($"« Votre message » doit contenir au plus {TextValidator.TextAreaCeiling} caractères.",
            Message(body, new TextValue(new string('x', 1_000_000))));
    }

    [Fact]
    public void Numbers_check_whole_numbers_and_limits()
    {
        var people = new NumberField { Name = "personnes", Label = "Nombre de personnes", Required = true, Min = 1, Max = 250, WholeNumber = true };
        Assert.True(FormValidator.ValidateField(people, new NumberValue(40)).IsValid);
        Assert.Equal("« Nombre de personnes » doit être un nombre entier, sans virgule.", Message(people, new NumberValue(2.5m)));
        Assert.Equal("« Nombre de personnes » doit être égal ou supérieur à 1.", Message(people, new NumberValue(0)));
        Assert.Equal("« Nombre de personnes » doit être égal ou inférieur à 250.", Message(people, new NumberValue(251)));
        Assert.Equal("Saisissez un nombre dans « Nombre de personnes ».", Message(people, null));
        var surface = new NumberField { Name = "surface", Label = "Surface (m²)", Max = 12.5m };
        Assert.True(FormValidator.ValidateField(surface, new NumberValue(12.5m)).IsValid);
        Assert.Equal("« Surface (m²) » doit être égal ou inférieur à 12,5.", Message(surface, new NumberValue(12.51m)));
    }

    [Fact]
    public void Dates_check_their_limits()
    {
        var day = new DateField { Name = "jour", Label = "Date de la réservation", Required = true, Min = new DateOnly(2026, 1, 1), Max = new DateOnly(2026, 12, 31) };
        Assert.True(FormValidator.ValidateField(day, new DateValue(new DateOnly(2026, 3, 27))).IsValid);
        Assert.Equal("« Date de la réservation » doit être le 1 janvier 2026 ou après.", Message(day, new DateValue(new DateOnly(2025, 12, 31))));
        Assert.Equal("« Date de la réservation » doit être le 31 décembre 2026 ou avant.", Message(day, new DateValue(new DateOnly(2027, 1, 1))));
        Assert.Equal("La réponse à « Date de la réservation » doit être une date au format AAAA-MM-JJ.", Message(day, new TextValue("demain")));
    }

    [Fact]
    public void Choices_take_only_their_options()
    {
        var room = new ChoiceField { Name = "salle", Label = "Salle", Required = true, Options = [new("fetes", "Salle des fêtes"), new("conseil", "Salle du conseil")] };
        Assert.True(FormValidator.ValidateField(room, new ChoiceValue("conseil")).IsValid);
        Assert.Equal("Choisissez « Salle » parmi les réponses proposées.", Message(room, new ChoiceValue("piscine")));
        Assert.Equal("Choisissez une réponse à « Salle ».", Message(room, null));

        var needs = new MultiChoiceField { Name = "besoins", Label = "Matériel", Required = true, Options = [new("tables", "Tables"), new("chaises", "Chaises"), new("sono", "Sono")] };
        Assert.Equal(["tables", "sono"], Assert.IsType<MultiChoiceValue>(FormValidator.ValidateField(needs, new MultiChoiceValue(["sono", "tables", "sono"])).Value).Values);
        Assert.Equal("Choisissez « Matériel » parmi les réponses proposées.", Message(needs, new MultiChoiceValue(["tables", "piano"])));
        Assert.Equal("Choisissez au moins une réponse à « Matériel ».", Message(needs, new MultiChoiceValue([])));
    }

    [Fact]
    public void Yes_no_consent_and_information_text()
    {
        var resident = new BooleanField { Name = "habitant", Label = "Habitez-vous la commune ?", Required = true };
        Assert.Equal(new BooleanValue(false), FormValidator.ValidateField(resident, new BooleanValue(false)).Value);
        Assert.Equal("Répondez oui ou non à « Habitez-vous la commune ? ».", Message(resident, null));

        var consent = new ConsentField { Name = "accord", Label = "J'accepte le règlement", Required = true };
        Assert.True(FormValidator.ValidateField(consent, new BooleanValue(true)).IsValid);
        Assert.Equal("Cochez « J'accepte le règlement » pour continuer.", Message(consent, new BooleanValue(false)));
        Assert.Equal("Cochez « J'accepte le règlement » pour continuer.", Message(consent, null));
        Assert.True(FormValidator.ValidateField(consent with { Required = false }, new BooleanValue(false)).IsValid);

        var info = new InfoField { Name = "note", Label = "Les salles sont fermées en août." };
        Assert.True(FormValidator.ValidateField(info, null).IsValid);
        Assert.Single(FormValidator.ValidateField(info, new TextValue("x")).Errors);
    }

    [Fact]
    public void Files_are_checked_for_count_size_type_and_content()
    {
        var photo = new FileField { Name = "photo", Label = "Photo du problème", Required = true, MaxFiles = 2, MaxBytes = 1024, AcceptedTypes = ["image/jpeg", "image/png"] };
        var jpeg = new UploadedFile(@"C:\Users\marie\photo.jpg", "image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 });
        var accepted = Assert.IsType<FileListValue>(FormValidator.ValidateField(photo, new FileListValue([jpeg])).Value);
        Assert.Equal("photo.jpg", Assert.Single(accepted.Files).Name);

        Assert.Equal("Joignez un fichier à « Photo du problème ».", Message(photo, new FileListValue([])));
        Assert.Equal("Joignez au plus 2 fichier(s) à « Photo du problème ».", Message(photo, new FileListValue([jpeg, jpeg, jpeg])));
        Assert.Equal("Le fichier « grand.jpg » joint à « Photo du problème » doit peser au plus 1 Ko.",
            Message(photo, new FileListValue([jpeg with { Name = "grand.jpg", Content = new byte[2048] }])));
        Assert.Equal("Le fichier « note.pdf » joint à « Photo du problème » doit être d'un de ces types : image/jpeg, image/png.",
            Message(photo, new FileListValue([new UploadedFile("note.pdf", "application/pdf", "%PDF-1.7"u8.ToArray())])));
        Assert.Equal("Le contenu du fichier « virus.jpg » joint à « Photo du problème » ne correspond pas à son type : joignez le document d'origine.",
            Message(photo, new FileListValue([new UploadedFile("virus.jpg", "image/jpeg", "MZ\u0090\0"u8.ToArray())])));
    }

    [Fact]
    public void Addresses_are_belgian_and_name_the_faulty_part()
    {
        var place = new AddressField { Name = "lieu", Label = "Adresse du problème", Required = true };
        var good = new AddressValue("Rue de la Station", "12A", null, "4430", "Ans");
        Assert.Equal(good, FormValidator.ValidateField(place, good with { Street = " Rue de la Station ", Box = "" }).Value);
        var errors = FormValidator.ValidateField(place, good with { PostalCode = "999", Locality = "" }).Errors;
        Assert.Equal(["lieu.postalCode", "lieu.locality"], errors.Select(e => e.Field));
        Assert.Equal("Un code postal belge compte 4 chiffres : celui de « Adresse du problème » n'en a pas 4.", errors[0].Message);
        Assert.Equal("Le code postal de « Adresse du problème » ne peut contenir que des chiffres.", Message(place, good with { PostalCode = "44A0" }));
        Assert.Equal("Un code postal belge ne commence pas par 0 : vérifiez celui de « Adresse du problème ».", Message(place, good with { PostalCode = "0999" }));
        Assert.Equal("Le numéro de maison de « Adresse du problème » doit contenir au plus 10 caractères.", Message(place, good with { Number = "12345678901" }));
        Assert.Equal("Saisissez l'adresse dans « Adresse du problème ».", Message(place, null));
        Assert.True(AddressValidator.IsBelgianPostalCode("1000"));
        Assert.True(AddressValidator.IsBelgianPostalCode("9999"));
        Assert.False(AddressValidator.IsBelgianPostalCode("0999"));
        Assert.False(AddressValidator.IsBelgianPostalCode("10000"));
    }

    [Fact]
    public void An_answer_of_another_kind_says_what_is_expected()
    {
        var email = new EmailField { Name = "courriel", Label = "Adresse e-mail" };
        Assert.Equal("La réponse à « Adresse e-mail » doit être une adresse e-mail en texte.", Message(email, new NumberValue(3)));
    }

    [Fact]
    public void Every_field_type_has_a_french_description_of_its_answer()
    {
        FormField[] fields =
        [
            new TextField { Name = "a", Label = "A" }, new TextAreaField { Name = "a", Label = "A" }, new EmailField { Name = "a", Label = "A" },
            new PhoneField { Name = "a", Label = "A" }, new NumberField { Name = "a", Label = "A" }, new DateField { Name = "a", Label = "A" },
            new ChoiceField { Name = "a", Label = "A", Options = [] }, new MultiChoiceField { Name = "a", Label = "A", Options = [] },
            new BooleanField { Name = "a", Label = "A" }, new FileField { Name = "a", Label = "A" }, new AddressField { Name = "a", Label = "A" },
            new NrnField { Name = "a", Label = "A" }, new IbanField { Name = "a", Label = "A" }, new ConsentField { Name = "a", Label = "A" },
            new InfoField { Name = "a", Label = "A" },
        ];
        Assert.Equal(FieldTypes.All, fields.Select(f => f.Type));
        Assert.All(fields, f => Assert.DoesNotContain("FormsKind", FieldOutcome.ExpectedKind(f), StringComparison.Ordinal));
    }

    private static string Message(FormField field, FieldValue? value) =>
        Assert.Single(FormValidator.ValidateField(field, value).Errors).Message;
}
