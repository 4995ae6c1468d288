using System.Text.RegularExpressions;
using Municipal.Forms.Storage;

namespace Municipal.Forms.Tests.Storage;

public sealed partial class TrackingCodesTests
{
    [Fact]
    public void A_new_code_has_the_prefix_three_groups_of_four_and_a_check_symbol_without_look_alikes()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = TrackingCodes.New();
            Assert.Matches(Shape(), code);
            Assert.DoesNotContain(code[3..], c => c is '0' or 'O' or '1' or 'I' or 'L');
            Assert.Equal(code, TrackingCodes.Parse(code));
        }
    }

    [Fact]
    public void Parse_accepts_lower_case_spaces_and_missing_dashes_or_prefix()
    {
        var code = TrackingCodes.New();
        var compact = code.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal(code, TrackingCodes.Parse(code.ToLowerInvariant()));
        Assert.Equal(code, TrackingCodes.Parse(" " + compact + " "));
        Assert.Equal(code, TrackingCodes.Parse(compact[2..]));
        Assert.Equal(code, TrackingCodes.Parse(string.Join(' ', compact.Chunk(3).Select(c => new string(c)))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EG-")]
    [InlineData("EG-7KQ4-M2XP-9WTD")]
    [InlineData("EG-7KQ4-M2XP-9WTD-KK")]
    [InlineData("EG-0KQ4-M2XP-9WTD-K")]
    [InlineData("EG-7KQ4-M2XP-9WTD-K'; DROP TABLE")]
    public void Parse_refuses_what_is_not_a_code(string? input) => Assert.Null(TrackingCodes.Parse(input));

    [Fact]
    public void Every_single_symbol_substitution_and_adjacent_transposition_is_recognised_as_malformed()
    {
        for (var sample = 0; sample < 50; sample++)
        {
            var symbols = TrackingCodes.New().Replace("-", "", StringComparison.Ordinal)[2..].ToCharArray();
            for (var i = 0; i < symbols.Length; i++)
            {
                foreach (var other in TrackingCodes.Alphabet.Where(c => c != symbols[i]))
                {
                    var typo = (char[])symbols.Clone();
                    typo[i] = other;
                    Assert.Null(TrackingCodes.Parse(new string(typo)));
                }

                if (i + 1 < symbols.Length && symbols[i] != symbols[i + 1])
                {
                    var swapped = (char[])symbols.Clone();
                    (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                    Assert.Null(TrackingCodes.Parse(new string(swapped)));
                }
            }
        }
    }

    [Fact]
    public void No_duplicate_over_a_hundred_thousand_codes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(codes.Add(TrackingCodes.New()));
        }
    }

    [GeneratedRegex("^EG-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]$")]
    private static partial Regex Shape();
}
