namespace Municipal.Forms.Validation;

/// <summary>What one field's check gives: the accepted (normalised) value, or none, and the errors in French.</summary>
public sealed record FieldOutcome(FieldValue? Value, IReadOnlyList<FieldError> Errors)
{
    public static FieldOutcome Empty { get; } = new(null, []);

    public bool IsValid => Errors.Count == 0;

    public static FieldOutcome Accept(FieldValue value) => new(value, []);

    public static FieldOutcome Fail(string field, string message) => new(null, [new FieldError(field, message)]);

    /// <summary>A message of CoreText naming the field by its label.</summary>
    public static FieldOutcome Fail(FormField field, string key, params object[] args) =>
        Fail(field.Name, FormsText.Format(key, [field.Label, .. args]));

    /// <summary>No answer: an error when the field is required, else nothing to keep.</summary>
    public static FieldOutcome Missing(FormField field, string requiredKey) =>
        field.Required ? Fail(field, requiredKey) : Empty;

    /// <summary>
    /// A one-line text answer, trimmed: missing when blank, else accepted as <paramref name="normalise"/> writes it,
    /// or refused when it gives null.
    /// </summary>
    public static FieldOutcome NormalisedText(FormField field, FieldValue? value, string requiredKey, string invalidKey, Func<string, string?> normalise)
    {
        if (value is not null and not TextValue)
        {
            return WrongKind(field);
        }

        var text = (value as TextValue)?.Text.Trim() ?? "";
        if (text.Length == 0)
        {
            return Missing(field, requiredKey);
        }

        return normalise(text) is { } normalised ? Accept(new TextValue(normalised)) : Fail(field, invalidKey);
    }

    /// <summary>The answer is of another kind than the field expects (a number for a text, a list for a date...).</summary>
    public static FieldOutcome WrongKind(FormField field) => Fail(field, "FormsErrorWrongKind", ExpectedKind(field));

    /// <summary>What an answer of this field looks like, in French (e.g. "un nombre"), for the wrong-kind message.</summary>
    public static string ExpectedKind(FormField field) =>
        FormsText.Get("FormsKind" + char.ToUpperInvariant(field.Type[0]) + field.Type[1..]);
}
