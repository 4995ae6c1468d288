namespace Municipal.Forms.Validation;

/// <summary>E-mail addresses: one @, a local part, a domain with a dot; 254 characters at most (RFC 5321's limit).</summary>
public static class EmailValidator
{
    public const int MaxLength = 254;

    public static bool IsValid(string input) => Check(input).Value is not null;

    /// <summary>The address, or what is wrong with it: spaces, the @, the part before it, or the domain.</summary>
    public static TextVerdict Check(string input)
    {
        if (input.Length > MaxLength)
        {
            return TextVerdict.Wrong("FormsErrorEmailTooLong", MaxLength);
        }

        if (input.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return TextVerdict.Wrong("FormsErrorEmailSpace");
        }

        var at = input.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return TextVerdict.Wrong("FormsErrorEmailNoAt");
        }

        if (at != input.LastIndexOf('@'))
        {
            return TextVerdict.Wrong("FormsErrorEmailSeveralAt");
        }

        var local = input[..at];
        var domain = input[(at + 1)..];
        if (local.Length is 0 or > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || local.IndexOfAny(['<', '>', '(', ')', '[', ']', ',', ';', ':', '\\', '"']) >= 0)
        {
            return TextVerdict.Wrong("FormsErrorEmailLocalPart");
        }

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2 && !labels[^1].All(char.IsAsciiDigit)
            ? TextVerdict.Valid(input)
            : TextVerdict.Wrong("FormsErrorEmailDomain");
    }

    public static FieldOutcome Validate(EmailField field, FieldValue? value) =>
        FieldOutcome.CheckedText(field, value, "FormsErrorEmailRequired", Check);
}

/// <summary>
/// Phone numbers: Belgian ones written nationally (0 then 8 digits, or 0 then 9 digits for a mobile 045x–049x) or with +32 / 0032,
/// and international ones in E.164 (+ then 8 to 15 digits). Spaces, dots, slashes, dashes and brackets are allowed.
/// Normalised to E.164 (+3221234567).
/// </summary>
public static class PhoneValidator
{
    public static string? Normalise(string input) => Check(input).Value;

    /// <summary>The number in E.164, or what is wrong: characters, the leading 0 or +, or the number of digits.</summary>
    public static TextVerdict Check(string input)
    {
        var compact = string.Concat(input.Where(c => c is not (' ' or '.' or '/' or '-' or '(' or ')' or '\u00A0')));
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }

        var plus = compact.StartsWith('+');
        var digits = plus ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return TextVerdict.Wrong("FormsErrorPhoneCharacters");
        }

        if (!plus)
        {
            // National Belgian form: the leading 0 stands for +32.
            if (digits[0] != '0')
            {
                return TextVerdict.Wrong("FormsErrorPhoneNoPrefix");
            }

            return IsBelgianSubscriber(digits[1..]) ? TextVerdict.Valid("+32" + digits[1..]) : BelgianLength(digits[1..]);
        }

        if (digits.StartsWith("32", StringComparison.Ordinal))
        {
            if (digits.Length > 2 && digits[2] == '0')
            {
                return TextVerdict.Wrong("FormsErrorPhoneZeroAfter32");
            }

            return IsBelgianSubscriber(digits[2..]) ? TextVerdict.Valid("+" + digits) : BelgianLength(digits[2..]);
        }

        return digits[0] != '0' && digits.Length is >= 8 and <= 15 ? TextVerdict.Valid("+" + digits) : TextVerdict.Wrong("FormsErrorPhoneInternational", digits.Length);
    }

    /// <summary>A Belgian number of the wrong length: how many digits it should have after the 0 or +32, and how many were typed.</summary>
    private static TextVerdict BelgianLength(string subscriber) =>
        subscriber.Length > 1 && subscriber[0] == '4' && subscriber[1] is >= '5' and <= '9'
            ? TextVerdict.Wrong("FormsErrorPhoneMobileLength", subscriber.Length)
            : TextVerdict.Wrong("FormsErrorPhoneLandlineLength", subscriber.Length);

    /// <summary>The number after the 0 or +32: 9 digits for a mobile (45x–49x), 8 for the rest (Liège's 04 landlines too).</summary>
    private static bool IsBelgianSubscriber(string number) =>
        number.Length > 1 && number[0] != '0'
        && number.Length == (number[0] == '4' && number[1] is >= '5' and <= '9' ? 9 : 8);

    public static FieldOutcome Validate(PhoneField field, FieldValue? value) =>
        FieldOutcome.CheckedText(field, value, "FormsErrorPhoneRequired", Check);
}
