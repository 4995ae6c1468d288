namespace Municipal.Forms.Builder;

/// <summary>What the field editor posted (or shows), as typed: re-shown unchanged when something is wrong.</summary>
public sealed record FieldInput(
    string Label,
    string Name,
    string Hint,
    bool Required,
    bool PersonalData,
    string ConditionField,
    string ConditionValue,
    string MinLength,
    string MaxLength,
    string Pattern,
    string PatternMessage,
    string Min,
    string Max,
    bool WholeNumber,
    string MinDate,
    string MaxDate,
    string Options,
    string Display,
    string MaxFiles,
    string MaxSize,
    IReadOnlyList<string> AcceptedTypes);

/// <summary>
/// Reads the field editor's form into a field of the form's model, with a French error per input (keyed by the input's
/// id) for everything FormDefinitionChecker would refuse at publication, and more: sizes, parsable numbers and dates.
/// </summary>
public static class FieldEditor
{
    public const int HintMaxLength = 1000;
    public const int PatternMaxLength = 500;
    public const int OptionsMax = 200;
    public const int OptionMaxLength = 200;
    public const int LengthCeiling = TextValidator.TextAreaCeiling;
    private const long Megabyte = 1024 * 1024;

    public static FieldInput FromField(FormField field) => new(
        field.Label,
        field.Name,
        field.Hint ?? "",
        field.Required,
        field.PersonalData,
        field.Condition?.Field ?? "",
        field.Condition?.EqualsValue switch { "true" => "oui", "false" => "non", var v => v ?? "" },
        Show((field as TextualField)?.MinLength),
        Show((field as TextualField)?.MaxLength),
        (field as TextualField)?.Pattern ?? "",
        (field as TextualField)?.PatternMessage ?? "",
        (field as NumberField)?.Min?.ToString(CultureInfo.InvariantCulture) ?? "",
        (field as NumberField)?.Max?.ToString(CultureInfo.InvariantCulture) ?? "",
        (field as NumberField)?.WholeNumber ?? false,
        (field as DateField)?.Min?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        (field as DateField)?.Max?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        string.Join("\n", Options(field).Select(o => o.Value + "|" + o.Label)),
        (field as ChoiceField)?.Display == ChoiceDisplay.Select ? "select" : "radio",
        Show((field as FileField)?.MaxFiles),
        field is FileField file ? Math.Max(1, file.MaxBytes / Megabyte).ToString(CultureInfo.InvariantCulture) : "",
        (field as FileField)?.AcceptedTypes ?? []);

    public static FieldInput Read(IFormCollection posted)
    {
        string Text(string key) => posted[key].ToString().Trim();
        return new FieldInput(
            Text("label"), Text("name"), Text("hint"), posted["required"] == "true", posted["personal"] == "true",
            Text("condition-field"), Text("condition-value"),
            Text("min-length"), Text("max-length"), Text("pattern"), Text("pattern-message"),
            Text("min"), Text("max"), posted["whole"] == "true", Text("min-date"), Text("max-date"),
            posted["options"].ToString(), Text("display"), Text("max-files"), Text("max-size"),
            posted["accepted"].Where(t => t is not null).Select(t => t!).ToList());
    }

    /// <summary>
    /// The field as edited, or the errors by input id. <paramref name="earlier"/> are the fields before it in the form
    /// (a condition may only test one of them); <paramref name="others"/> every other field's name (unique names).
    /// </summary>
    public static (FormField? Field, List<(string Id, string Message)> Errors) Build(
        FormField original, FieldInput input, IReadOnlyList<FormField> earlier, IReadOnlySet<string> others, bool nameLocked)
    {
        var errors = new List<(string Id, string Message)>();
        void Fail(string id, string key, params object[] args) => errors.Add((id, FormsText.Format(key, args)));

        if (input.Label.Length == 0)
        {
            Fail("label", "FormsBuilderLabelRequired");
        }
        else if (input.Label.Length > FormStepEndpoints.LabelMaxLength)
        {
            Fail("label", "FormsBuilderTooLong", FormStepEndpoints.LabelMaxLength);
        }

        var name = nameLocked ? original.Name : input.Name;
        if (nameLocked && input.Name != original.Name)
        {
            Fail("name", "FormsBuilderNameLocked");
        }
        else if (!BuilderFields.NamePattern().IsMatch(name))
        {
            Fail("name", "FormsBuilderNameInvalid");
        }
        else if (others.Contains(name))
        {
            Fail("name", "FormsBuilderNameTaken", name);
        }

        if (input.Hint.Length > HintMaxLength)
        {
            Fail("hint", "FormsBuilderTooLong", HintMaxLength);
        }

        var condition = ReadCondition(input, earlier, Fail);
        var field = original with
        {
            Label = input.Label,
            Name = name,
            Hint = input.Hint.Length == 0 ? null : input.Hint,
            Required = original is not InfoField && input.Required,
            PersonalData = original is not InfoField && input.PersonalData,
            Condition = condition,
        };
        field = field switch
        {
            TextualField text => ReadText(text, input, Fail),
            NumberField number => ReadNumber(number, input, Fail),
            DateField date => ReadDate(date, input, Fail),
            ChoiceField choice => choice with
            {
                Options = ReadOptions(input.Options, Fail),
                Display = input.Display == "select" ? ChoiceDisplay.Select : ChoiceDisplay.Radio,
            },
            MultiChoiceField multi => multi with { Options = ReadOptions(input.Options, Fail) },
            FileField file => ReadFile(file, input, Fail),
            _ => field,
        };
        return errors.Count > 0 ? (null, errors) : (field, errors);
    }

    private static FieldCondition? ReadCondition(FieldInput input, IReadOnlyList<FormField> earlier, Action<string, string, object[]> fail)
    {
        if (input.ConditionField.Length == 0)
        {
            return null;
        }

        var target = earlier.FirstOrDefault(f => f.Name == input.ConditionField && BuilderFields.CanBeTested(f));
        if (target is null)
        {
            fail("condition-field", "FormsBuilderConditionEarlier", []);
            return null;
        }

        var value = input.ConditionValue;
        switch (target)
        {
            case BooleanField or ConsentField:
                value = value.ToLowerInvariant() switch { "oui" or "true" => "true", "non" or "false" => "false", _ => "" };
                if (value.Length == 0)
                {
                    fail("condition-value", "FormsBuilderConditionYesNo", []);
                    return null;
                }

                break;
            case ChoiceField or MultiChoiceField:
                var options = Options(target);
                var option = options.FirstOrDefault(o => o.Value == value)
                    ?? options.FirstOrDefault(o => string.Equals(o.Label, value, StringComparison.OrdinalIgnoreCase));
                if (option is null)
                {
                    fail("condition-value", "FormsBuilderConditionOption", [string.Join(", ", options.Select(o => o.Value))]);
                    return null;
                }

                value = option.Value;
                break;
            default:
                if (value.Length is 0 or > OptionMaxLength)
                {
                    fail("condition-value", "FormsBuilderConditionValueRequired", [OptionMaxLength]);
                    return null;
                }

                break;
        }

        return new FieldCondition(target.Name, value);
    }

    private static TextualField ReadText(TextualField field, FieldInput input, Action<string, string, object[]> fail)
    {
        var min = ReadInt(input.MinLength, 0, LengthCeiling, "min-length", fail);
        var max = ReadInt(input.MaxLength, 1, LengthCeiling, "max-length", fail);
        if (min > max)
        {
            fail("max-length", "FormsBuilderMinOverMax", []);
        }

        if (input.Pattern.Length > PatternMaxLength)
        {
            fail("pattern", "FormsBuilderTooLong", [PatternMaxLength]);
        }
        else if (input.Pattern.Length > 0 && !TextValidator.IsValidPattern(input.Pattern))
        {
            fail("pattern", "FormsBuilderPatternInvalid", []);
        }

        if (input.PatternMessage.Length > FormStepEndpoints.LabelMaxLength)
        {
            fail("pattern-message", "FormsBuilderTooLong", [FormStepEndpoints.LabelMaxLength]);
        }

        return field with
        {
            MinLength = min,
            MaxLength = max,
            Pattern = input.Pattern.Length == 0 ? null : input.Pattern,
            PatternMessage = input.PatternMessage.Length == 0 ? null : input.PatternMessage,
        };
    }

    private static NumberField ReadNumber(NumberField field, FieldInput input, Action<string, string, object[]> fail)
    {
        decimal? Parse(string text, string id)
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (text.Length <= 30 && decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            fail(id, "FormsBuilderNumberInvalid", []);
            return null;
        }

        var min = Parse(input.Min, "min");
        var max = Parse(input.Max, "max");
        if (min > max)
        {
            fail("max", "FormsBuilderMinOverMax", []);
        }

        return field with { Min = min, Max = max, WholeNumber = input.WholeNumber };
    }

    private static DateField ReadDate(DateField field, FieldInput input, Action<string, string, object[]> fail)
    {
        DateOnly? Parse(string text, string id)
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            fail(id, "FormsBuilderDateInvalid", []);
            return null;
        }

        var min = Parse(input.MinDate, "min-date");
        var max = Parse(input.MaxDate, "max-date");
        if (min > max)
        {
            fail("max-date", "FormsBuilderMinOverMax", []);
        }

        return field with { Min = min, Max = max };
    }

    /// <summary>One option a line: "value|label", or a label alone whose value is folded from it ("Grande salle" → "grande-salle").</summary>
    private static List<ChoiceOption> ReadOptions(string text, Action<string, string, object[]> fail)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            fail("options", "FormsBuilderOptionsRequired", []);
            return [];
        }

        if (lines.Count > OptionsMax)
        {
            fail("options", "FormsBuilderOptionsTooMany", [OptionsMax]);
            return [];
        }

        var options = new List<ChoiceOption>();
        foreach (var line in lines)
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            var value = bar < 0 ? Slugs.FromTitle(line) : line[..bar].Trim();
            var label = bar < 0 ? line : line[(bar + 1)..].Trim();
            if (value.Length == 0 || label.Length == 0 || line.Length > OptionMaxLength * 2 || value.Length > OptionMaxLength || label.Length > OptionMaxLength)
            {
                fail("options", "FormsBuilderOptionInvalid", [FormStepEndpoints.Short(line), OptionMaxLength]);
                return [];
            }

            if (options.Any(o => o.Value == value))
            {
                fail("options", "FormsBuilderOptionTwice", [value]);
                return [];
            }

            options.Add(new ChoiceOption(value, label));
        }

        return options;
    }

    private static FileField ReadFile(FileField field, FieldInput input, Action<string, string, object[]> fail)
    {
        var maxFiles = ReadInt(input.MaxFiles, 1, FormDefinitionChecker.MaxFiles, "max-files", fail) ?? 1;
        var maxMegabytes = ReadInt(input.MaxSize, 1, (int)(FormDefinitionChecker.MaxBytes / Megabyte), "max-size", fail) ?? 10;
        var accepted = input.AcceptedTypes.Distinct(StringComparer.Ordinal).ToList();
        if (accepted.Any(t => !BuilderFields.UploadTypes.Any(u => u.Type == t)))
        {
            fail("accepted", "FormsBuilderAcceptedUnknown", []);
        }
        else if (accepted.Count == 0)
        {
            fail("accepted", "FormsBuilderAcceptedRequired", []);
        }

        return field with { MaxFiles = maxFiles, MaxBytes = maxMegabytes * Megabyte, AcceptedTypes = accepted };
    }

    private static int? ReadInt(string text, int min, int max, string id, Action<string, string, object[]> fail)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length <= 9 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        fail(id, "FormsBuilderWholeRange", [min, max]);
        return null;
    }

    private static IReadOnlyList<ChoiceOption> Options(FormField field) => field switch
    {
        ChoiceField choice => choice.Options,
        MultiChoiceField multi => multi.Options,
        _ => [],
    };

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
