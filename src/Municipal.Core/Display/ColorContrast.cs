namespace Municipal.Core.Display;

/// <summary>WCAG 2.1 contrast ratio, used to refuse a brand colour that would make text unreadable.</summary>
public static class ColorContrast
{
    /// <summary>WCAG 2.1 AA for normal text (success criterion 1.4.3).</summary>
    public const double MinimumTextContrast = 4.5;

    public static bool TryParseHex(string value, out (int R, int G, int B) rgb)
    {
        rgb = default;
        if (value.Length != 7 || value[0] != '#' || !int.TryParse(value.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        rgb = ((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
        return true;
    }

    public static double Ratio(string foreground, string background)
    {
        if (!TryParseHex(foreground, out var fg) || !TryParseHex(background, out var bg))
        {
            throw new FormatException(CoreText.Get("ColorErrorFormat"));
        }

        var (l1, l2) = (Luminance(fg), Luminance(bg));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    /// <summary>Contrast of white text on the colour (the theme writes white on the primary colour, and the colour on white).</summary>
    public static double AgainstWhite(string color) => Ratio(color, "#ffffff");

    private static double Luminance((int R, int G, int B) c) =>
        (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));

    private static double Channel(int value)
    {
        var s = value / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
