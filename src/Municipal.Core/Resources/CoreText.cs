using System.Globalization;
using System.Resources;

namespace Municipal.Core.Resources;

/// <summary>
/// Interface texts of the core and of the themes. French (fr-BE) is the neutral resource; a file
/// CoreText.nl.resx, CoreText.de.resx or CoreText.en.resx beside it translates them for a tenant of that culture.
/// A module's own texts live in its own resource file (<see cref="ModuleTexts"/>), not here.
/// </summary>
public static class CoreText
{
    /// <summary>Read-only after construction: <see cref="TextCatalog"/> looks here first, then in the modules' resources.</summary>
    public static readonly ResourceManager Resources = new("Municipal.Core.Resources.CoreText", typeof(CoreText).Assembly);

    /// <summary>The text of a key in the current UI culture, or the key itself when it is missing (seen at once in a page).</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
