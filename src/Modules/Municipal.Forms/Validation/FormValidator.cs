namespace Municipal.Forms.Validation;

/// <summary>The answers kept after validation (hidden fields dropped, values normalised) and every error in field order.</summary>
public sealed record FormValidationResult(IReadOnlyDictionary<string, FieldValue> Values, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Validates a whole form or one step. Conditions: a field is shown when the (accepted) answer of the field it names equals
/// the condition's value; a hidden field is not required and its answer is dropped. Conditions refer to fields met
/// earlier in the form (a condition on a later or unknown field hides the field).
/// </summary>
public static class FormValidator
{
    /// <summary>Checks one field's answer by the rules of its type.</summary>
    public static FieldOutcome ValidateField(FormField field, FieldValue? value) => field switch
    {
        TextualField f => TextValidator.Validate(f, value),
        EmailField f => EmailValidator.Validate(f, value),
        PhoneField f => PhoneValidator.Validate(f, value),
        NumberField f => NumberValidator.Validate(f, value),
        DateField f => DateValidator.Validate(f, value),
        ChoiceField f => ChoiceValidators.Validate(f, value),
        MultiChoiceField f => ChoiceValidators.Validate(f, value),
        BooleanField f => ChoiceValidators.Validate(f, value),
        ConsentField f => ChoiceValidators.Validate(f, value),
        InfoField f => ChoiceValidators.Validate(f, value),
        FileField f => FileValidator.Validate(f, value),
        AddressField f => AddressValidator.Validate(f, value),
        NrnField f => NrnValidator.Validate(f, value),
        IbanField f => IbanValidator.Validate(f, value),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.GetType().Name, "Unknown field type."),
    };

    /// <summary>
    /// Validates every field of the form. <paramref name="readErrors"/> are the errors the reader already found
    /// (an answer of the wrong kind): they take the place of the field's own checks, still in field order.
    /// </summary>
    public static FormValidationResult ValidateForm(
        FormDefinition form, IReadOnlyDictionary<string, FieldValue> values, IReadOnlyList<FieldError>? readErrors = null) =>
        Validate(form, values, readErrors, stepIndex: null);

    /// <summary>Validates the fields of one step (0-based); answers of earlier steps decide its conditions.</summary>
    public static FormValidationResult ValidateStep(
        FormDefinition form, int stepIndex, IReadOnlyDictionary<string, FieldValue> values, IReadOnlyList<FieldError>? readErrors = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stepIndex, form.Steps.Count);
        return Validate(form, values, readErrors, stepIndex);
    }

    /// <summary>Whether the field is shown, given the answers accepted so far.</summary>
    public static bool IsShown(FormField field, IReadOnlyDictionary<string, FieldValue> accepted)
    {
        if (field.Condition is not { } condition)
        {
            return true;
        }

        return accepted.TryGetValue(condition.Field, out var answer) && Matches(answer, condition.EqualsValue);
    }

    private static bool Matches(FieldValue answer, string expected) => answer switch
    {
        ChoiceValue c => string.Equals(c.Value, expected, StringComparison.Ordinal),
        MultiChoiceValue m => m.Values.Contains(expected, StringComparer.Ordinal),
        BooleanValue b => string.Equals(b.Value ? "true" : "false", expected, StringComparison.OrdinalIgnoreCase),
        TextValue t => string.Equals(t.Text, expected, StringComparison.Ordinal),
        NumberValue n => string.Equals(n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), expected, StringComparison.Ordinal),
        DateValue d => string.Equals(d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), expected, StringComparison.Ordinal),
        _ => false,
    };

    private static FormValidationResult Validate(
        FormDefinition form, IReadOnlyDictionary<string, FieldValue> values, IReadOnlyList<FieldError>? readErrors, int? stepIndex)
    {
        var accepted = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        var generalErrors = readErrors?.Where(e => !form.AllFields().Any(f => Owns(f, e))).ToList() ?? [];
        errors.AddRange(generalErrors);
        for (var i = 0; i < form.Steps.Count; i++)
        {
            var checking = stepIndex is null || stepIndex == i;
            if (stepIndex is { } last && i > last)
            {
                break;
            }

            foreach (var field in form.Steps[i].Fields)
            {
                if (!IsShown(field, accepted))
                {
                    continue;
                }

                var fieldReadErrors = readErrors?.Where(e => Owns(field, e)).ToList() ?? [];
                if (fieldReadErrors.Count > 0)
                {
                    if (checking)
                    {
                        errors.AddRange(fieldReadErrors);
                    }

                    continue;
                }

                var outcome = ValidateField(field, values.GetValueOrDefault(field.Name));
                if (outcome.Value is not null)
                {
                    accepted[field.Name] = outcome.Value;
                }

                if (checking)
                {
                    errors.AddRange(outcome.Errors);
                }
            }
        }

        // A step's result keeps only its own answers (earlier steps were kept when they were validated).
        if (stepIndex is { } step)
        {
            var own = form.Steps[step].Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            accepted = accepted.Where(a => own.Contains(a.Key)).ToDictionary(StringComparer.Ordinal);
        }

        return new FormValidationResult(accepted, errors);
    }

    private static bool Owns(FormField field, FieldError error) =>
        string.Equals(error.Field, field.Name, StringComparison.Ordinal)
        || error.Field.StartsWith(field.Name + ".", StringComparison.Ordinal);
}
