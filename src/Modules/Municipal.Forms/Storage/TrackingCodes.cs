namespace Municipal.Forms.Storage;

/// <summary>
/// Tracking codes given to citizens, e.g. "EG-7KQ4-M2XP-9WTD-K": the prefix, 12 random symbols (31^12, about 59 bits,
/// from the system's cryptographic generator, so a code cannot be guessed) and a check symbol.
/// The alphabet leaves out look-alikes (0/O, 1/I/L). It has 31 symbols, a prime: with the weighted sum modulo 31
/// every single-symbol substitution and every swap of two neighbours changes the check, so such a typo is
/// recognised as malformed before any lookup.
/// </summary>
public static class TrackingCodes
{
    public const string Prefix = "EG";
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int RandomSymbols = 12;
    private const int GroupLength = 4;

    /// <summary>A new code, formatted.</summary>
    public static string New()
    {
        Span<int> values = stackalloc int[RandomSymbols];
        for (var i = 0; i < RandomSymbols; i++)
        {
            values[i] = RandomNumberGenerator.GetInt32(Alphabet.Length);
        }

        return Format(values, CheckValue(values));
    }

    /// <summary>
    /// The canonical code for what a citizen typed (any case, spaces and dashes, with or without the prefix),
    /// or null when it is malformed (wrong length, a symbol outside the alphabet, a wrong check symbol).
    /// </summary>
    public static string? Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return null;
        }

        var compact = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (c is '-' or ' ' or '\t' or '\u00A0')
            {
                continue;
            }

            compact.Append(char.ToUpperInvariant(c));
        }

        var symbols = compact.ToString();
        if (symbols.Length == Prefix.Length + RandomSymbols + 1 && symbols.StartsWith(Prefix, StringComparison.Ordinal))
        {
            symbols = symbols[Prefix.Length..];
        }

        if (symbols.Length != RandomSymbols + 1)
        {
            return null;
        }

        Span<int> values = stackalloc int[RandomSymbols + 1];
        for (var i = 0; i < symbols.Length; i++)
        {
            values[i] = Alphabet.IndexOf(symbols[i], StringComparison.Ordinal);
            if (values[i] < 0)
            {
                return null;
            }
        }

        var check = CheckValue(values[..RandomSymbols]);
        return check == values[RandomSymbols] ? Format(values[..RandomSymbols], check) : null;
    }

    /// <summary>The check value c such that the sum of (position × value), positions 1 to 13, is 0 modulo 31.</summary>
    private static int CheckValue(ReadOnlySpan<int> values)
    {
        var sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += (i + 1) * values[i];
        }

        // Solve sum + 13·c ≡ 0 (mod 31); 12 is the inverse of 13 modulo 31 (13 × 12 = 156 = 5 × 31 + 1).
        var modulus = Alphabet.Length;
        return ((modulus - (sum % modulus)) * 12) % modulus;
    }

    private static string Format(ReadOnlySpan<int> values, int check)
    {
        var code = new StringBuilder(Prefix, Prefix.Length + RandomSymbols + 6);
        for (var i = 0; i < values.Length; i++)
        {
            if (i % GroupLength == 0)
            {
                code.Append('-');
            }

            code.Append(Alphabet[values[i]]);
        }

        return code.Append('-').Append(Alphabet[check]).ToString();
    }
}
