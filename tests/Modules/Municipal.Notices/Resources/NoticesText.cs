using System.Globalization;
using System.Resources;

namespace Municipal.Notices.Resources;

/// <summary>
/// The Notices module's own interface texts (NoticesText.resx beside this file, French neutral; NoticesText.nl.resx and the
/// like translate the same keys later). Declared to the core in NoticesModule so its templates' t filter finds them.
/// </summary>
public static class NoticesText
{
    /// <summary>Read-only after construction, shared by every tenant like the core's CoreText.</summary>
    public static readonly ResourceManager Resources = new("Municipal.Notices.Resources.NoticesText", typeof(NoticesText).Assembly);

    /// <summary>The text of a key in the current UI culture, or the key itself when it is missing (seen at once in a page).</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
