using System.Collections.Frozen;

namespace Municipal.Forms.Validation;

/// <summary>IBAN (ISO 13616): country code, 2 check digits, then the account; its length is fixed per country and the
/// whole, rearranged with letters as numbers (A=10 … Z=35), is 1 modulo 97.</summary>
public static class IbanValidator
{
    /// <summary>The IBAN lengths of the countries of the Single Euro Payments Area.</summary>
    public static FrozenDictionary<string, int> Lengths { get; } = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27,
        ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["VA"] = 22,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The IBAN without spaces, upper case, when valid; else null.</summary>
    public static string? Normalise(string input) => Check(input).Value;

    /// <summary>The IBAN without spaces, upper case, or what is wrong: characters, country, length or check digits.</summary>
    public static TextVerdict Check(string input)
    {
        var compact = string.Concat(input.Where(c => c is not (' ' or '\u00A0'))).ToUpperInvariant();
        if (!compact.All(char.IsAsciiLetterOrDigit))
        {
            return TextVerdict.Wrong("FormsErrorIbanCharacters");
        }

        if (compact.Length < 4 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return TextVerdict.Wrong("FormsErrorIbanStart");
        }

        var country = compact[..2];
        if (!Lengths.TryGetValue(country, out var length))
        {
            return TextVerdict.Wrong("FormsErrorIbanCountry", country);
        }

        if (compact.Length != length)
        {
            return TextVerdict.Wrong("FormsErrorIbanLength", country, length, compact.Length);
        }

        return Mod97(compact[4..] + compact[..4]) == 1 ? TextVerdict.Valid(compact) : TextVerdict.Wrong("FormsErrorIbanCheckDigits");
    }

    /// <summary>The remainder modulo 97 of the number written by the characters, letters counting as 10–35.</summary>
    public static int Mod97(string alphanumeric)
    {
        var remainder = 0;
        foreach (var c in alphanumeric)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder;
    }

    public static FieldOutcome Validate(IbanField field, FieldValue? value) =>
        FieldOutcome.CheckedText(field, value, "FormsErrorIbanRequired", Check);
}
