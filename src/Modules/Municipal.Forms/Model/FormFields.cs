using System.Text.Json.Serialization;

namespace Municipal.Forms.Model;

/// <summary>Show a field only when another field's answer equals a value (as text: "true"/"false" for yes/no).</summary>
public sealed record FieldCondition(string Field, [property: JsonPropertyName("equals")] string EqualsValue);

/// <summary>A choice offered by a single or multiple choice field.</summary>
public sealed record ChoiceOption(string Value, string Label);

public enum ChoiceDisplay
{
    Radio,
    Select,
}

/// <summary>
/// What every field has. The JSON "type" of each kind is its discriminator: one of the names of the public schema.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextField), FieldTypes.Text)]
[JsonDerivedType(typeof(TextAreaField), FieldTypes.TextArea)]
[JsonDerivedType(typeof(EmailField), FieldTypes.Email)]
[JsonDerivedType(typeof(PhoneField), FieldTypes.Phone)]
[JsonDerivedType(typeof(NumberField), FieldTypes.Number)]
[JsonDerivedType(typeof(DateField), FieldTypes.Date)]
[JsonDerivedType(typeof(ChoiceField), FieldTypes.Choice)]
[JsonDerivedType(typeof(MultiChoiceField), FieldTypes.MultiChoice)]
[JsonDerivedType(typeof(BooleanField), FieldTypes.Boolean)]
[JsonDerivedType(typeof(FileField), FieldTypes.File)]
[JsonDerivedType(typeof(AddressField), FieldTypes.Address)]
[JsonDerivedType(typeof(NrnField), FieldTypes.Nrn)]
[JsonDerivedType(typeof(IbanField), FieldTypes.Iban)]
[JsonDerivedType(typeof(ConsentField), FieldTypes.Consent)]
[JsonDerivedType(typeof(InfoField), FieldTypes.Info)]
public abstract record FormField
{
    [JsonPropertyOrder(-5)]
    public required string Name { get; init; }

    [JsonPropertyOrder(-4)]
    public required string Label { get; init; }

    [JsonPropertyOrder(-3)]
    public string? Hint { get; init; }

    [JsonPropertyOrder(-2)]
    public bool Required { get; init; }

    [JsonPropertyOrder(5)]
    public FieldCondition? Condition { get; init; }

    /// <summary>Wiped when the request passes its retention, and listed in a person's data export.</summary>
    public bool PersonalData { get; init; }

    protected FormField(string type) => Type = type;

    /// <summary>The schema's type name (the JSON discriminator, so not written twice).</summary>
    [JsonIgnore]
    public string Type { get; }
}

/// <summary>Short and long text share their limits.</summary>
public abstract record TextualField : FormField
{
    protected TextualField(string type)
        : base(type)
    {
    }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>A .NET regular expression the whole answer must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>The French message shown when the pattern does not match, e.g. "Saisissez le numéro de plaque comme 1-ABC-123".</summary>
    public string? PatternMessage { get; init; }
}

public sealed record TextField() : TextualField(FieldTypes.Text);

public sealed record TextAreaField() : TextualField(FieldTypes.TextArea);

public sealed record EmailField() : FormField(FieldTypes.Email);

public sealed record PhoneField() : FormField(FieldTypes.Phone);

public sealed record NumberField() : FormField(FieldTypes.Number)
{
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>Whole numbers only (a count of people); otherwise decimals are allowed (a surface in m²).</summary>
    public bool WholeNumber { get; init; }
}

public sealed record DateField() : FormField(FieldTypes.Date)
{
    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }
}

public sealed record ChoiceField() : FormField(FieldTypes.Choice)
{
    public required IReadOnlyList<ChoiceOption> Options { get; init; }

    public ChoiceDisplay Display { get; init; } = ChoiceDisplay.Radio;
}

public sealed record MultiChoiceField() : FormField(FieldTypes.MultiChoice)
{
    public required IReadOnlyList<ChoiceOption> Options { get; init; }
}

public sealed record BooleanField() : FormField(FieldTypes.Boolean);

public sealed record FileField() : FormField(FieldTypes.File)
{
    public int MaxFiles { get; init; } = 1;

    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Media types accepted, e.g. "image/jpeg", "application/pdf". Empty: any type.</summary>
    public IReadOnlyList<string> AcceptedTypes { get; init; } = [];
}

/// <summary>A Belgian postal address: street, number, box, postal code (1000–9999), locality.</summary>
public sealed record AddressField() : FormField(FieldTypes.Address)
{
    /// <summary>
    /// A place (where a problem is), not where the citizen lives: the browser does not offer the home address, the
    /// house number is optional, and a position (latitude, longitude) may stand for the address.
    /// </summary>
    public bool Location { get; init; }
}

/// <summary>A Belgian national register number (11 digits with a modulo-97 check).</summary>
public sealed record NrnField() : FormField(FieldTypes.Nrn);

public sealed record IbanField() : FormField(FieldTypes.Iban);

/// <summary>A box the citizen ticks to agree; when required it must be ticked.</summary>
public sealed record ConsentField() : FormField(FieldTypes.Consent);

/// <summary>Text shown between fields (the label is the text); it never takes a value.</summary>
public sealed record InfoField() : FormField(FieldTypes.Info);

/// <summary>The type names of the public schema.</summary>
public static class FieldTypes
{
    public const string Text = "text";
    public const string TextArea = "textarea";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Number = "number";
    public const string Date = "date";
    public const string Choice = "choice";
    public const string MultiChoice = "multichoice";
    public const string Boolean = "boolean";
    public const string File = "file";
    public const string Address = "address";
    public const string Nrn = "nrn";
    public const string Iban = "iban";
    public const string Consent = "consent";
    public const string Info = "info";

    public static IReadOnlyList<string> All { get; } =
        [Text, TextArea, Email, Phone, Number, Date, Choice, MultiChoice, Boolean, File, Address, Nrn, Iban, Consent, Info];
}
