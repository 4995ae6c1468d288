using System.Text.RegularExpressions;

namespace Municipal.Forms.Validation;

/// <summary>
/// Checks a form definition as an officer built it (or as read from JSON), so that no form can be published that
/// citizens cannot fill: unique field names, options for choices, conditions on earlier fields, limits in order, valid
/// patterns. Returns French messages, empty when the form is sound.
/// </summary>
public static partial class FormDefinitionChecker
{
    public const int MaxFiles = 20;

    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>Addresses of the e-counter's own pages (/e-guichet/suivi...), which a form's address would hide.</summary>
    public static IReadOnlyList<string> ReservedSlugs { get; } = ["suivi", "connexion", "deconnexion", "nouveau"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <summary>Letters, digits, "_" and "-", starting with a letter: usable as an HTML id and a JSON name, no ".".</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static IReadOnlyList<string> Check(FormDefinition form)
    {
        var errors = new List<string>();
        void Add(string key, params object[] args) => errors.Add(FormsText.Format(key, args));

        if (form.Slug.Length > 80 || !SlugPattern().IsMatch(form.Slug))
        {
            Add("FormsCheckSlug");
        }
        else if (ReservedSlugs.Contains(form.Slug, StringComparer.Ordinal))
        {
            Add("FormsCheckSlugReserved", form.Slug);
        }

        if (string.IsNullOrWhiteSpace(form.Title))
        {
            Add("FormsCheckTitle");
        }

        if (form.Version < 1 || form.RetentionDays < 1)
        {
            Add("FormsCheckVersionRetention");
        }

        if (form.Steps.Count == 0)
        {
            Add("FormsCheckNoStep");
        }

        var earlier = new Dictionary<string, FormField>(StringComparer.Ordinal);
        for (var i = 0; i < form.Steps.Count; i++)
        {
            var step = form.Steps[i];
            if (string.IsNullOrWhiteSpace(step.Title) || step.Fields.Count == 0)
            {
                Add("FormsCheckStep", i + 1);
            }

            foreach (var field in step.Fields)
            {
                CheckField(field, earlier, Add);
                earlier.TryAdd(field.Name, field);
            }
        }

        if (form.CreatesContent is { } mapping)
        {
            CheckMapping(mapping, earlier, Add);
        }

        return errors;
    }

    /// <summary>
    /// The mapping names a type and, for each of its fields, a field of this form whose answer is plain text: never an
    /// identity number, an account, a file, an address as a whole, a consent or an information text.
    /// </summary>
    private static void CheckMapping(FormContentMapping mapping, Dictionary<string, FormField> fields, Action<string, object[]> add)
    {
        if (string.IsNullOrWhiteSpace(mapping.Type) || mapping.Fields.Count == 0)
        {
            add("FormsCheckMappingEmpty", []);
        }

        foreach (var (target, source) in mapping.Fields)
        {
            if (!fields.TryGetValue(source, out var field))
            {
                add("FormsCheckMappingUnknownField", [target, source]);
            }
            else if (field is NrnField or IbanField or FileField or AddressField or ConsentField or InfoField)
            {
                add("FormsCheckMappingFieldType", [target, source]);
            }
        }
    }

    /// <summary>
    /// Checks a mapping against the content types the loaded modules offer: a known type, known fields, its required
    /// fields mapped. Empty when the form maps nothing.
    /// </summary>
    public static IReadOnlyList<string> CheckTarget(FormDefinition form, IEnumerable<IRequestContentTarget> targets)
    {
        if (form.CreatesContent is not { } mapping)
        {
            return [];
        }

        var known = targets.ToList();
        var target = known.FirstOrDefault(t => t.ContentType == mapping.Type);
        if (target is null)
        {
            return [FormsText.Format("FormsCheckMappingUnknownType", mapping.Type, known.Count == 0 ? "—" : string.Join(", ", known.Select(t => t.ContentType)))];
        }

        var errors = mapping.Fields.Keys
            .Where(name => target.Fields.All(f => f.Name != name))
            .Select(name => FormsText.Format("FormsCheckMappingUnknownTarget", name, mapping.Type, string.Join(", ", target.Fields.Select(f => f.Name))))
            .ToList();
        errors.AddRange(target.Fields
            .Where(f => f.Required && !mapping.Fields.ContainsKey(f.Name))
            .Select(f => FormsText.Format("FormsCheckMappingRequired", f.Name, mapping.Type)));
        return errors;
    }

    private static void CheckField(FormField field, Dictionary<string, FormField> earlier, Action<string, object[]> add)
    {
        var name = field.Name.Length > 64 ? field.Name[..64] + "…" : field.Name;
        if (!NamePattern().IsMatch(field.Name))
        {
            add("FormsCheckFieldName", [name]);
        }
        else if (earlier.ContainsKey(field.Name))
        {
            add("FormsCheckFieldNameTwice", [name]);
        }

        if (string.IsNullOrWhiteSpace(field.Label))
        {
            add("FormsCheckFieldLabel", [name]);
        }

        if (field.Condition is { } condition)
        {
            if (!earlier.TryGetValue(condition.Field, out var target) || target is InfoField or FileField or AddressField)
            {
                add("FormsCheckCondition", [name]);
            }
            else if (target is ChoiceField or MultiChoiceField
                     && !Options(target).Any(o => string.Equals(o.Value, condition.EqualsValue, StringComparison.Ordinal)))
            {
                add("FormsCheckConditionValue", [name]);
            }
            else if (target is BooleanField or ConsentField && condition.EqualsValue is not ("true" or "false"))
            {
                add("FormsCheckConditionValue", [name]);
            }
        }

        switch (field)
        {
            case TextualField text:
                if (text.MinLength < 0 || text.MaxLength < 1 || text.MinLength > text.MaxLength)
                {
                    add("FormsCheckLimits", [name]);
                }

                if (!string.IsNullOrEmpty(text.Pattern) && !TextValidator.IsValidPattern(text.Pattern))
                {
                    add("FormsCheckPattern", [name]);
                }

                break;
            case NumberField number when number.Min > number.Max:
            case DateField date when date.Min > date.Max:
                add("FormsCheckLimits", [name]);
                break;
            case ChoiceField or MultiChoiceField:
                var options = Options(field);
                if (options.Count == 0 || options.Any(o => string.IsNullOrWhiteSpace(o.Value) || string.IsNullOrWhiteSpace(o.Label))
                    || options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != options.Count)
                {
                    add("FormsCheckOptions", [name]);
                }

                break;
            case FileField file when file.MaxFiles is < 1 or > MaxFiles || file.MaxBytes is < 1 or > MaxBytes:
                add("FormsCheckFileLimits", [name, MaxFiles, MaxBytes / (1024 * 1024)]);
                break;
            case InfoField when field.Required:
                add("FormsCheckInfoRequired", [name]);
                break;
        }
    }

    private static IReadOnlyList<ChoiceOption> Options(FormField field) => field switch
    {
        ChoiceField choice => choice.Options,
        MultiChoiceField multi => multi.Options,
        _ => [],
    };
}
