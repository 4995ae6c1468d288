using System.Text.RegularExpressions;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Model;

/// <summary>
/// Personal identifiers as people read them (a national number as 85.07.30-033.28, a Belgian phone number as
/// +32 470 12 34 56, an IBAN in groups of four), and masked down to their last digits for mails.
/// </summary>
public static partial class IdentifierFormat
{
    /// <summary>The mask character of the hidden digits.</summary>
    public const char Hidden = '•';

    /// <summary>11 digits as YY.MM.DD-CCC.KK; anything else as it is.</summary>
    public static string NationalNumber(string digits) =>
        digits.Length == 11 && digits.All(char.IsAsciiDigit)
            ? $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}-{digits[6..9]}.{digits[9..]}"
            : digits;

    /// <summary>The national number with only its two check digits shown: ••.••.••-•••.28.</summary>
    public static string MaskedNationalNumber(string digits) =>
        digits.Length == 11 ? string.Concat(NationalNumber(digits)[..^2].Select(c => char.IsAsciiDigit(c) ? Hidden : c)) + digits[^2..] : new string(Hidden, 4);

    /// <summary>An IBAN in groups of four characters (BE68 5390 0754 7034).</summary>
    public static string Iban(string compact) =>
        string.Join(' ', compact.Chunk(4).Select(c => new string(c)));

    /// <summary>The IBAN with its country and its last four characters shown: BE•• •••• •••• 7034.</summary>
    public static string MaskedIban(string compact) =>
        compact.Length <= 6 ? new string(Hidden, 4) : Iban(compact[..2] + new string(Hidden, compact.Length - 6) + compact[^4..]);

    /// <summary>
    /// An E.164 number as usually written: Belgian ones grouped (+32 470 12 34 56, +32 2 123 45 67, +32 81 12 34 56),
    /// others after their country code left as they are.
    /// </summary>
    public static string Phone(string e164)
    {
        if (!e164.StartsWith("+32", StringComparison.Ordinal) || !e164[1..].All(char.IsAsciiDigit))
        {
            return e164;
        }

        var number = e164[3..];
        var zone = number.Length switch
        {
            9 => 3, // mobile: 470
            8 when number[0] is '2' or '3' or '4' or '9' => 1, // Brussels, Antwerp, Liège, Ghent
            8 => 2,
            _ => 0,
        };
        if (zone == 0)
        {
            return e164;
        }

        var rest = number[zone..];
        var groups = rest.Length == 7 ? [rest[..3], rest[3..5], rest[5..]] : rest.Chunk(2).Select(c => new string(c)).ToArray();
        return "+32 " + number[..zone] + " " + string.Join(' ', groups);
    }

    /// <summary>
    /// A free text (an agent's message) with every valid national number and IBAN in it masked to its last digits,
    /// for a mail: mails travel and rest in mailboxes in clear.
    /// </summary>
    public static string MaskInText(string text)
    {
        var masked = NationalNumberLike().Replace(text, m => NrnValidator.Normalise(m.Value) is { } digits ? MaskedNationalNumber(digits) : m.Value);
        return IbanLike().Replace(masked, m => IbanValidator.Normalise(m.Value) is { } iban ? MaskedIban(iban) : m.Value);
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{2}[. ]?[0-9]{2}[. ]?[0-9]{2}[- .]?[0-9]{3}[. ]?[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NationalNumberLike();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IbanLike();
}
