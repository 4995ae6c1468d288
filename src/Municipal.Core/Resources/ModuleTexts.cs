using System.Resources;

namespace Municipal.Core.Resources;

/// <summary>
/// The interface texts a module brings in its own resource file (French neutral; the same keys in .nl, .de, .en
/// later), declared by the module as a singleton: <c>services.AddSingleton(new ModuleTexts(Name, FormsText.Resources))</c>.
/// The module's own code reads them through its accessor; <see cref="TextCatalog"/> finds them for the Liquid
/// <c>t</c> filter and for core code that shows a key a module handed it (an admin menu label).
/// </summary>
public sealed record ModuleTexts(string Module, ResourceManager Resources)
{
    /// <summary>The text of a key in the current UI culture, or null when this module has no such key.</summary>
    public string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);
}

/// <summary>
/// Every interface text of the site: the core's (<see cref="CoreText"/>) first, then each module's in registration
/// order. A singleton built from the registered <see cref="ModuleTexts"/>; it holds nothing per tenant or request.
/// </summary>
public sealed class TextCatalog
{
    private readonly ModuleTexts[] _modules;

    public TextCatalog(IEnumerable<ModuleTexts> modules) => _modules = modules.ToArray();

    /// <summary>The text of a key, or the key itself when no resource has it (seen at once in a page, as with CoreText).</summary>
    public string Get(string key)
    {
        if (CoreText.Resources.GetString(key, CultureInfo.CurrentUICulture) is { } core)
        {
            return core;
        }

        foreach (var module in _modules)
        {
            if (module.Find(key) is { } text)
            {
                return text;
            }
        }

        return key;
    }

    public string Format(string key, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
