using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Municipal.Core.Resources;
using Municipal.Events.Resources;
using Municipal.Forms.Resources;
using Municipal.Media.Resources;
using Municipal.News.Resources;
using Municipal.Pages.Resources;
using Municipal.Web.Resources;

namespace Municipal.Core.Tests.Resources;

/// <summary>
/// Every text key the code or a template names exists in a resource it can reach: a key missing shows itself in the
/// page ("FormsPublicSend" instead of "Envoyer"), which no compiler sees after a key moves between resource files.
/// The scan reads literal keys only: keys composed at run time ("FormsStatus" + status, "Audit." + action) are not
/// seen, and the code composing them falls back to a label of its own or is covered by the web tests of its page.
/// </summary>
public sealed partial class TextKeysTests
{
    /// <summary>The accessor a class calls, and the resource file it reads.</summary>
    private static readonly Dictionary<string, ResourceManager> Accessors = new(StringComparer.Ordinal)
    {
        ["CoreText"] = CoreText.Resources,
        ["EventsText"] = EventsText.Resources,
        ["FormsText"] = FormsText.Resources,
        ["MediaText"] = MediaText.Resources,
        ["NewsText"] = NewsText.Resources,
        ["PagesText"] = PagesText.Resources,
        ["HostText"] = HostText.Resources,
    };

    private static readonly string Source = Path.Combine(RepositoryRoot(), "src");

    [Fact]
    public void Every_literal_key_a_class_reads_is_in_the_resource_of_its_accessor()
    {
        var keys = Accessors.ToDictionary(a => a.Key, a => Keys(a.Value), StringComparer.Ordinal);
        var missing = new List<string>();
        var seen = 0;
        foreach (var file in SourceFiles("*.cs"))
        {
            var text = File.ReadAllText(file);
            foreach (Match call in Call().Matches(text))
            {
                var accessor = call.Groups["accessor"].Value;
                foreach (var key in call.Groups["key"].Captures.Select(c => c.Value))
                {
                    seen++;
                    if (!keys[accessor].Contains(key))
                    {
                        missing.Add($"{Path.GetRelativePath(Source, file)}: {accessor} « {key} »");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        // A pattern that stopped matching would find nothing missing: the code reads some five hundred literal keys.
        Assert.True(seen > 400, $"only {seen} keys read in src/");
    }

    [Fact]
    public void Every_key_a_template_translates_is_in_the_core_or_a_module()
    {
        // The t filter reads the core's texts, then every module's (TextCatalog): a template may name any of them.
        var known = Accessors.Values.SelectMany(Keys).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var seen = 0;
        foreach (var file in SourceFiles("*.liquid"))
        {
            foreach (Match use in Translated().Matches(File.ReadAllText(file)))
            {
                seen++;
                if (!known.Contains(use.Groups["key"].Value))
                {
                    missing.Add($"{Path.GetRelativePath(Source, file)}: « {use.Groups["key"].Value} »");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        Assert.True(seen > 500, $"only {seen} keys translated in the templates");
    }

    [Fact]
    public void No_key_is_in_two_resources()
    {
        // The catalog reads the core first: a module key also in the core would silently show the core's text.
        var owners = Accessors
            .SelectMany(a => Keys(a.Value).Select(key => (Key: key, Accessor: a.Key)))
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(k => k.Accessor))}")
            .ToList();
        Assert.Empty(owners);
    }

    [Fact]
    public void The_catalog_reads_the_core_then_the_modules_and_shows_a_missing_key()
    {
        var catalog = new TextCatalog([new ModuleTexts("Forms", FormsText.Resources), new ModuleTexts("Media", MediaText.Resources)]);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-BE");
        try
        {
            Assert.Equal(CoreText.Get("ErrorPrefix"), catalog.Get("ErrorPrefix"));
            Assert.Equal(FormsText.Get("FormsPublicSend"), catalog.Get("FormsPublicSend"));
            Assert.NotEqual("FormsPublicSend", catalog.Get("FormsPublicSend"));
            Assert.Equal(MediaText.Get("NavMedia"), catalog.Get("NavMedia"));
            Assert.Equal("NoSuchKeyAnywhere", catalog.Get("NoSuchKeyAnywhere"));
            // A module not declared to the catalog is not read.
            Assert.Equal("NoNews", catalog.Get("NoNews"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> Keys(ResourceManager resources)
    {
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new InvalidOperationException("ressource introuvable : " + resources.BaseName);
        return set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(Source, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Municipal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Municipal.sln introuvable");
    }

    /// <summary>
    /// XText.Get("Key"), XText.Format("Key", …) and XText.Get(condition ? "A" : "B"); not XText.Get("Prefix" + part),
    /// whose literal is no key.
    /// </summary>
    [GeneratedRegex("""\b(?<accessor>CoreText|EventsText|FormsText|MediaText|NewsText|PagesText|HostText)\.(?:Get|Format)\(\s*(?:"(?<key>[^"]+)"|[^;"()]*\?\s*"(?<key>[^"]+)"\s*:\s*"(?<key>[^"]+)")(?=\s*[,)])""")]
    private static partial Regex Call();

    /// <summary>{{ "Key" | t }} and {{ 'Key' | t }}.</summary>
    [GeneratedRegex("""["'](?<key>[A-Za-z][A-Za-z0-9_.\-]*)["']\s*\|\s*t\b""")]
    private static partial Regex Translated();
}
