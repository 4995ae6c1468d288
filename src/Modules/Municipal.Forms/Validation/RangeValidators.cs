using System.Globalization;
using Municipal.Forms.Model;

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

        if (field.Min is { } min && number.Number < min)
        {
            return FieldOutcome.Fail(field, "FormsErrorNumberTooSmall", Show(min));
        }

        if (field.Max is { } max && number.Number > max)
        {
            return FieldOutcome.Fail(field, "FormsErrorNumberTooLarge", Show(max));
        }

        return FieldOutcome.Accept(number);
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

        if (field.Min is { } min && date.Date < min)
        {
            return FieldOutcome.Fail(field, "FormsErrorDateTooEarly", Show(min));
        }

        if (field.Max is { } max && date.Date > max)
        {
            return FieldOutcome.Fail(field, "FormsErrorDateTooLate", Show(max));
        }

        return FieldOutcome.Accept(date);
    }

    private static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-BE"));
}
