using System.Globalization;
using System.Resources;

namespace Municipal.Web.Resources;

/// <summary>
/// Texts of the host: the regional operator's administration (/host), its API's problem titles and the command
/// line. Kept out of CoreText because no tenant's site shows them. French (fr-BE) is the neutral resource; a file
/// HostText.nl.resx, HostText.de.resx or HostText.en.resx beside it translates them.
/// </summary>
public static class HostText
{
    public static readonly ResourceManager Resources = new("Municipal.Web.Resources.HostText", typeof(HostText).Assembly);

    /// <summary>The text of a key in the current UI culture, or the key itself when it is missing (seen at once).</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
