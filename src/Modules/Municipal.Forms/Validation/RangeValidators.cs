namespace Municipal.Forms.Validation;

/// <summary>Numbers: whole or decimal, between the officer's limits.</summary>
public static class NumberValidator
{
    public static FieldOutcome Validate(NumberField field, FieldValue? value)
    {
        if (value is null)
        {
            return FieldOutcome.Missing(field, "FormsErrorNumberRequired");
        }

        if (value is not NumberValue number)
        {
            return FieldOutcome.WrongKind(field);
        }

        if (field.WholeNumber && decimal.Truncate(number.Number) != number.Number)
        {
            return FieldOutcome.Fail(field, "FormsErrorNumberInteger");
        }

        return Limits.Check(field, number.Number, field.Min, field.Max, "FormsErrorNumberTooSmall", "FormsErrorNumberTooLarge", Show)
            ?? FieldOutcome.Accept(number);
    }

    private static string Show(decimal number) => number.ToString("0.##########", CultureInfo.GetCultureInfo("fr-BE"));
}

/// <summary>Dates: between the officer's limits.</summary>
public static class DateValidator
{
    public static FieldOutcome Validate(DateField field, FieldValue? value)
    {
        if (value is null)
        {
            return FieldOutcome.Missing(field, "FormsErrorDateRequired");
        }

        if (value is not DateValue date)
        {
            return FieldOutcome.WrongKind(field);
        }

        return Limits.Check(field, date.Date, field.Min, field.Max, "FormsErrorDateTooEarly", "FormsErrorDateTooLate", Show)
            ?? FieldOutcome.Accept(date);
    }

    private static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-BE"));
}

/// <summary>The officer's limits of a number or a date, either of them optional.</summary>
internal static class Limits
{
    /// <summary>The failure of an answer below <paramref name="min"/> or above <paramref name="max"/>, the limit shown; null when inside.</summary>
    public static FieldOutcome? Check<T>(FormField field, T answer, T? min, T? max, string belowKey, string aboveKey, Func<T, string> show)
        where T : struct, IComparable<T>
    {
        if (min is { } low && answer.CompareTo(low) < 0)
        {
            return FieldOutcome.Fail(field, belowKey, show(low));
        }

        if (max is { } high && answer.CompareTo(high) > 0)
        {
            return FieldOutcome.Fail(field, aboveKey, show(high));
        }

        return null;
    }
}
