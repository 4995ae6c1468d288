namespace Municipal.Forms.Validation;

/// <summary>Single and multiple choices (only among the options), yes/no, consent and information text.</summary>
public static class ChoiceValidators
{
    public static FieldOutcome Validate(ChoiceField field, FieldValue? value)
    {
        if (value is not null and not ChoiceValue)
        {
            return FieldOutcome.WrongKind(field);
        }

        var chosen = (value as ChoiceValue)?.Value ?? "";
        if (chosen.Length == 0)
        {
            return FieldOutcome.Missing(field, "FormsErrorChoiceRequired");
        }

        return field.Options.Any(o => string.Equals(o.Value, chosen, StringComparison.Ordinal))
            ? FieldOutcome.Accept(new ChoiceValue(chosen))
            : FieldOutcome.Fail(field, "FormsErrorChoiceUnknown");
    }

    public static FieldOutcome Validate(MultiChoiceField field, FieldValue? value)
    {
        if (value is not null and not MultiChoiceValue)
        {
            return FieldOutcome.WrongKind(field);
        }

        var chosen = (value as MultiChoiceValue)?.Values ?? [];
        if (chosen.Count == 0)
        {
            return FieldOutcome.Missing(field, "FormsErrorMultiChoiceRequired");
        }

        if (chosen.Any(c => !field.Options.Any(o => string.Equals(o.Value, c, StringComparison.Ordinal))))
        {
            return FieldOutcome.Fail(field, "FormsErrorChoiceUnknown");
        }

        // Kept in the order of the options, each once: the same answer reads the same way everywhere.
        var ordered = field.Options.Select(o => o.Value).Where(v => chosen.Contains(v, StringComparer.Ordinal)).ToArray();
        return FieldOutcome.Accept(new MultiChoiceValue(ordered));
    }

    public static FieldOutcome Validate(BooleanField field, FieldValue? value) => value switch
    {
        null => FieldOutcome.Missing(field, "FormsErrorBooleanRequired"),
        BooleanValue answer => FieldOutcome.Accept(answer),
        _ => FieldOutcome.WrongKind(field),
    };

    public static FieldOutcome Validate(ConsentField field, FieldValue? value) => value switch
    {
        null or BooleanValue { Value: false } => field.Required ? FieldOutcome.Fail(field, "FormsErrorConsentRequired") : FieldOutcome.Accept(new BooleanValue(false)),
        BooleanValue answer => FieldOutcome.Accept(answer),
        _ => FieldOutcome.WrongKind(field),
    };

    /// <summary>Information text is shown, never answered.</summary>
    public static FieldOutcome Validate(InfoField field, FieldValue? value) =>
        value is null ? FieldOutcome.Empty : FieldOutcome.Fail(field, "FormsErrorInfoTakesNoValue");
}
