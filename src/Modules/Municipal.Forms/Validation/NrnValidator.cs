namespace Municipal.Forms.Validation;

/// <summary>
/// Belgian national register number: YYMMDD (birth date) + 3-digit counter + 2 check digits = 11 digits.
/// The check is 97 − (first 9 digits mod 97) for people born before 2000, and the same on "2" followed by the first
/// 9 digits for people born from 2000 on. Month and day may be 0 (birth date unknown); bis numbers (people not in
/// the national register) add 20 or 40 to the month.
/// </summary>
public static class NrnValidator
{
    /// <summary>The 11 digits, with the usual separators (spaces, dots, dashes) removed; null when it is not 11 digits.</summary>
    public static string? Digits(string input)
    {
        if (input.Length > 40)
        {
            return null;
        }

        Span<char> digits = stackalloc char[11];
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '.' or '-' or '\u00A0')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == 11)
            {
                return null;
            }

            digits[count++] = c;
        }

        return count == 11 ? new string(digits) : null;
    }

    /// <summary>The check digits a number gets from its first 9 digits, for someone born before 2000 or from 2000 on.</summary>
    public static int CheckDigits(string firstNine, bool bornFrom2000)
    {
        var number = long.Parse(firstNine, System.Globalization.CultureInfo.InvariantCulture);
        if (bornFrom2000)
        {
            number += 2_000_000_000L;
        }

        return 97 - (int)(number % 97);
    }

    public static bool IsValid(string input) => Normalise(input) is not null;

    /// <summary>The 11 digits of a valid number, or null.</summary>
    public static string? Normalise(string input) => Check(input).Value;

    /// <summary>The 11 digits of a valid number, or what is wrong with it: characters, length, birth date or check digits.</summary>
    public static TextVerdict Check(string input)
    {
        var digits = Digits(input);
        if (digits is null)
        {
            var typed = input.Count(char.IsAsciiDigit);
            return input.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '\u00A0'))
                ? TextVerdict.Wrong("FormsErrorNrnCharacters")
                : TextVerdict.Wrong("FormsErrorNrnLength", typed);
        }

        var year = int.Parse(digits.AsSpan(0, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(2, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(4, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (month >= 40)
        {
            month -= 40;
        }
        else if (month >= 20)
        {
            month -= 20;
        }

        if (month > 12 || day > 31)
        {
            return TextVerdict.Wrong("FormsErrorNrnBirthDate");
        }

        var check = int.Parse(digits.AsSpan(9, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var firstNine = digits[..9];
        var before2000 = CheckDigits(firstNine, bornFrom2000: false) == check;
        var from2000 = CheckDigits(firstNine, bornFrom2000: true) == check;
        if (!before2000 && !from2000)
        {
            return TextVerdict.Wrong("FormsErrorNrnCheckDigits");
        }

        // A full birth date must exist in the century the check digits say (no 30 February).
        if (month > 0 && day > 0 && day > DateTime.DaysInMonth((from2000 ? 2000 : 1900) + year, month))
        {
            return TextVerdict.Wrong("FormsErrorNrnBirthDate");
        }

        return TextVerdict.Valid(digits);
    }

    public static FieldOutcome Validate(NrnField field, FieldValue? value) =>
        FieldOutcome.CheckedText(field, value, "FormsErrorNrnRequired", Check);
}
