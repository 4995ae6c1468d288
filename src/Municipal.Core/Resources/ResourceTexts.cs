using System.Diagnostics.CodeAnalysis;
using System.Resources;

namespace Municipal.Core.Resources;

/// <summary>
/// The accessor of one resource file of interface texts, named after <typeparamref name="TTexts"/> and beside it:
/// <c>public abstract class FormsText : ResourceTexts&lt;FormsText&gt;;</c> reads FormsText.resx (French neutral) and
/// FormsText.nl.resx and the like, which translate the same keys for a tenant of that culture.
/// </summary>
[SuppressMessage("Design", "CA1000", Justification = "Each text class is read through its own name: FormsText.Get(key).")]
public abstract class ResourceTexts<TTexts>
    where TTexts : ResourceTexts<TTexts>
{
    /// <summary>Read-only after construction, shared by every tenant.</summary>
    public static readonly ResourceManager Resources = new(typeof(TTexts).FullName!, typeof(TTexts).Assembly);

    /// <summary>The text of a key in the current UI culture, or the key itself when it is missing (seen at once in a page).</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
