using System.Globalization;
using System.Resources;

namespace Municipal.News.Resources;

/// <summary>
/// The News module's own interface texts (NewsText.resx beside this file, French neutral; NewsText.nl.resx and the
/// like translate the same keys later). Declared to the core in NewsModule so its templates' t filter finds them.
/// </summary>
public static class NewsText
{
    /// <summary>Read-only after construction, shared by every tenant like the core's CoreText.</summary>
    public static readonly ResourceManager Resources = new("Municipal.News.Resources.NewsText", typeof(NewsText).Assembly);

    /// <summary>The text of a key in the current UI culture, or the key itself when it is missing (seen at once in a page).</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
