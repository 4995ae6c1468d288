using Municipal.Core.Display;

namespace Municipal.Core.Tests.Display;

public sealed class ColorContrastTests
{
    [Fact]
    public void Black_on_white_is_the_maximum_ratio() => Assert.Equal(21.0, ColorContrast.Ratio("#000000", "#ffffff"), 2);

    [Theory]
    [InlineData("#0b5394", true)]
    [InlineData("#1d5e3a", true)]
    [InlineData("#767676", true)]
    [InlineData("#777777", false)]
    [InlineData("#ffcc00", false)]
    public void Colours_are_judged_against_the_AA_threshold_for_white_text(string color, bool readable) =>
        Assert.Equal(readable, ColorContrast.AgainstWhite(color) >= ColorContrast.MinimumTextContrast);

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#gggggg")]
    public void Only_hex_colours_are_understood(string value) => Assert.False(ColorContrast.TryParseHex(value, out _));
}
