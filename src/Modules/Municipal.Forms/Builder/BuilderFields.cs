using System.Text.RegularExpressions;

namespace Municipal.Forms.Builder;

/// <summary>The field types as the builder offers them: French names, new fields with defaults, machine names.</summary>
public static partial class BuilderFields
{
    public const int NameMaxLength = 64;

    /// <summary>The upload types the builder offers: those whose content FileValidator checks, so a file cannot lie about them.</summary>
    public static IReadOnlyList<(string Type, string Label)> UploadTypes { get; } =
    [
        ("application/pdf", "PDF"),
        ("image/jpeg", "JPEG"),
        ("image/png", "PNG"),
        ("image/webp", "WebP"),
        ("image/gif", "GIF"),
    ];

    /// <summary>As FormDefinitionChecker wants it: letters, digits, "_" and "-", starting with a letter.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    public static partial Regex NamePattern();

    /// <summary>"Texte court", "Choix unique"...: the keys FormsBuilderType{type}.</summary>
    public static string TypeLabel(string type) => FormsText.Get("FormsBuilderType" + char.ToUpperInvariant(type[0]) + type[1..]);

    /// <summary>Fields whose answer another field's condition may test.</summary>
    public static bool CanBeTested(FormField field) => field is not (InfoField or FileField or AddressField);

    public static FormField? New(string type, string name, string label) => type switch
    {
        FieldTypes.Text => new TextField { Name = name, Label = label },
        FieldTypes.TextArea => new TextAreaField { Name = name, Label = label },
        FieldTypes.Email => new EmailField { Name = name, Label = label },
        FieldTypes.Phone => new PhoneField { Name = name, Label = label },
        FieldTypes.Number => new NumberField { Name = name, Label = label },
        FieldTypes.Date => new DateField { Name = name, Label = label },
        FieldTypes.Choice => new ChoiceField { Name = name, Label = label, Options = [] },
        FieldTypes.MultiChoice => new MultiChoiceField { Name = name, Label = label, Options = [] },
        FieldTypes.Boolean => new BooleanField { Name = name, Label = label },
        FieldTypes.File => new FileField { Name = name, Label = label, AcceptedTypes = ["application/pdf", "image/jpeg", "image/png"] },
        FieldTypes.Address => new AddressField { Name = name, Label = label },
        FieldTypes.Nrn => new NrnField { Name = name, Label = label, PersonalData = true },
        FieldTypes.Iban => new IbanField { Name = name, Label = label, PersonalData = true },
        FieldTypes.Consent => new ConsentField { Name = name, Label = label },
        FieldTypes.Info => new InfoField { Name = name, Label = label },
        _ => null,
    };

    /// <summary>"Numéro de la rue" → "numero-de-la-rue"; "2e choix" → "champ-2e-choix"; made unique with "-2", "-3"...</summary>
    public static string NameFromLabel(string label, IEnumerable<string> taken)
    {
        var folded = Slugs.FromTitle(label);
        if (!char.IsAsciiLetter(folded[0]))
        {
            folded = "champ-" + folded;
        }

        folded = Cut(folded, NameMaxLength);
        var names = taken.ToHashSet(StringComparer.Ordinal);
        var name = folded;
        for (var n = 2; names.Contains(name); n++)
        {
            var suffix = "-" + n;
            name = Cut(folded, NameMaxLength - suffix.Length) + suffix;
        }

        return name;
    }

    /// <summary>The field with its conditions on <paramref name="oldName"/> pointed at <paramref name="newName"/>.</summary>
    public static FormField Repoint(FormField field, string oldName, string newName) =>
        field.Condition is { } c && c.Field == oldName ? field with { Condition = c with { Field = newName } } : field;

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length].TrimEnd('-');
}
