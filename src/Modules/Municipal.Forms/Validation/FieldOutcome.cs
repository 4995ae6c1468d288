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
    /// A one-line text answer, trimmed, that <paramref name="check"/> either normalises or refuses with what is wrong
    /// (a message key of FormsText whose {0} is the field's label, and its other arguments).
    /// </summary>
    public static FieldOutcome CheckedText(FormField field, FieldValue? value, string requiredKey, Func<string, TextVerdict> check)
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

        var verdict = check(text);
        return verdict.Value is { } normalised ? Accept(new TextValue(normalised)) : Fail(field, verdict.ErrorKey!, verdict.Args);
    }

    /// <summary>The answer is of another kind than the field expects (a number for a text, a list for a date...).</summary>
    public static FieldOutcome WrongKind(FormField field) => Fail(field, "FormsErrorWrongKind", ExpectedKind(field));

    /// <summary>What an answer of this field looks like, in French (e.g. "un nombre"), for the wrong-kind message.</summary>
    public static string ExpectedKind(FormField field) =>
        FormsText.Get("FormsKind" + char.ToUpperInvariant(field.Type[0]) + field.Type[1..]);
}

/// <summary>What a check of a typed identifier says: the normalised value, or the key of what is wrong and its arguments.</summary>
public sealed record TextVerdict(string? Value, string? ErrorKey, object[] Args)
{
    public static TextVerdict Valid(string value) => new(value, null, []);

    public static TextVerdict Wrong(string key, params object[] args) => new(null, key, args);
}
