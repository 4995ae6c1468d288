using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Municipal.Core.Display;

/// <summary>
/// Renders Liquid templates looked up in the tenant's theme, then the base theme ("default"), then the modules.
/// Output is HTML-encoded unless a value is piped through "raw" (only for HTML the engine sanitized).
/// Parsed templates are cached per theme and name; the cache is immutable input, so it is safe across tenants.
/// </summary>
public sealed class LiquidRenderer
{
    public const string BaseTheme = "default";

    /// <summary>Encodes what HTML needs encoded, and leaves accented letters readable in the source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new() { MemberAccessStrategy = new ViewModelAccess() };
    private readonly Dictionary<string, ThemeRegistration> _themes;
    private readonly IReadOnlyList<ModuleTemplates> _modules;
    private readonly ConcurrentDictionary<(string Theme, string Name), IFluidTemplate> _cache = new();
    private readonly bool _strict;

    public LiquidRenderer(IEnumerable<ThemeRegistration> themes, IEnumerable<ModuleTemplates> modules, IEnumerable<LiquidFilter> filters, TextCatalog texts, TemplateStrictness strictness)
    {
        _strict = strictness.StrictVariables;
        _themes = themes.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        _modules = modules.ToArray();
        // Members are read in snake case (Url -> url, IsoDate -> iso_date); view-model records open themselves (ViewModelAccess).
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        // {% render "Name", key: value %} finds Name.liquid in the base theme, then the modules (the admin's form partials).
        _options.FileProvider = new PartialFileProvider(this);
        _options.TemplateParsed = (_, template) => new PartialTemplate(template);
        // {{ "Key" | t }}: the core's text, else a module's (a module's templates name its own keys).
        _options.Filters.AddFilter("t", (input, _, _) => new StringValue(texts.Get(input.ToStringValue())));
        foreach (var filter in filters)
        {
            var apply = filter.Apply;
            _options.Filters.AddFilter(filter.Name, (input, _, _) => new StringValue(apply(input.ToStringValue())));
        }
    }

    public bool HasTheme(string name) => _themes.ContainsKey(name);

    public ThemeRegistration? FindTheme(string name) => _themes.GetValueOrDefault(name);

    /// <summary>
    /// Renders a template from its view-model record (read at the top level: <c>{{ form_action }}</c> for <c>FormAction</c>),
    /// beside the members of an ambient record read at the top level too (the layout's: antiforgery field, site, page).
    /// View models are records of Municipal's assemblies: see <see cref="ViewModelAccess"/>.
    /// </summary>
    public Task<string> RenderAsync(string theme, string templateName, object? model, object? ambient = null) =>
        RenderValuesAsync(theme, templateName, model, MembersOf(ambient), strict: true);

    /// <summary>
    /// Renders with the given top-level values: the members of the model, then the values (which win, as the layout's
    /// did over a page's). When <paramref name="strict"/> and the strict mode is on (<see cref="TemplateStrictness"/>),
    /// reading a name the page does not have, or a member a record does not have, throws; a member that exists and is
    /// null is defined (<c>{% if x %}</c> stays the way to test an optional value), and so is a partial's parameter
    /// left out by its caller (a partial's parameters are optional).
    /// </summary>
    internal async Task<string> RenderValuesAsync(string theme, string templateName, object? model, IEnumerable<KeyValuePair<string, object?>> values, bool strict)
    {
        var template = GetTemplate(theme, templateName);
        var context = new TemplateContext(_options) { CultureInfo = System.Globalization.CultureInfo.CurrentCulture };
        if (strict && _strict)
        {
            var name = $"{templateName}.liquid (theme {theme})";
            context.AmbientValues[ViewModelAccess.StrictTemplate] = name;
            context.Undefined = undefined => PartialTemplate.IsRendering(context)
                ? new ValueTask<FluidValue>(NilValue.Instance)
                : throw new InvalidOperationException($"Template {name} reads \"{undefined}\", which its view model does not have.");
        }

        // The page's values live in a scope of their own, above the root one: a partial ({% render %}) starts from the
        // root scope, so it sees only what its caller passes. Otherwise a parameter left out (a field's "name") would
        // silently take the page's member of that name (the image's name) instead of its default.
        context.EnterChildScope();
        foreach (var (name, value) in MembersOf(model).Concat(values))
        {
            context.SetValue(name, value);
        }

        return await template.RenderAsync(context, Encoder);
    }

    /// <summary>The public properties of a record, named as templates read them (snake case).</summary>
    internal IEnumerable<KeyValuePair<string, object?>> MembersOf(object? ambient) =>
        ambient is null
            ? []
            : ambient.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => new KeyValuePair<string, object?>(_options.MemberAccessStrategy.MemberNameStrategy(p), p.GetValue(ambient)));

    private IFluidTemplate GetTemplate(string theme, string name) => _cache.GetOrAdd((theme, name), key =>
    {
        var source = Find(key.Theme, key.Name) ?? throw new InvalidOperationException($"Liquid template not found: {key.Name}.liquid (theme {key.Theme}).");
        if (!_parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException($"Invalid template {key.Name}.liquid: {error}");
        }

        return template;
    });

    internal string? FindPartial(string name) => Find(BaseTheme, name);

    private string? Find(string theme, string name)
    {
        var file = name + ".liquid";
        return _themes.GetValueOrDefault(theme)?.Views.ReadText(file)
            ?? _themes.GetValueOrDefault(BaseTheme)?.Views.ReadText(file)
            ?? _modules.Select(m => m.Views.ReadText(file)).FirstOrDefault(t => t is not null);
    }
}

/// <summary>A partial rendered by {% render %}: while it renders, a name its caller did not pass is an optional parameter left out.</summary>
internal sealed class PartialTemplate(IFluidTemplate template) : IFluidTemplate
{
    private const string Depth = "Municipal.PartialDepth";

    public static bool IsRendering(TemplateContext context) => context.AmbientValues.TryGetValue(Depth, out var depth) && (int)depth > 0;

    public async ValueTask RenderAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        context.AmbientValues[Depth] = context.AmbientValues.TryGetValue(Depth, out var depth) ? (int)depth + 1 : 1;
        try
        {
            await template.RenderAsync(writer, encoder, context);
        }
        finally
        {
            context.AmbientValues[Depth] = (int)context.AmbientValues[Depth] - 1;
        }
    }
}

/// <summary>Serves partial templates to Fluid's render tag from the base theme, then the modules.</summary>
internal sealed class PartialFileProvider(LiquidRenderer renderer) : Microsoft.Extensions.FileProviders.IFileProvider
{
    public Microsoft.Extensions.FileProviders.IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.TrimStart('/');
        name = name.EndsWith(".liquid", StringComparison.Ordinal) ? name[..^".liquid".Length] : name;
        return renderer.FindPartial(name) is { } text
            ? new PartialFileInfo(name + ".liquid", System.Text.Encoding.UTF8.GetBytes(text))
            : new Microsoft.Extensions.FileProviders.NotFoundFileInfo(subpath);
    }

    public Microsoft.Extensions.FileProviders.IDirectoryContents GetDirectoryContents(string subpath) =>
        Microsoft.Extensions.FileProviders.NotFoundDirectoryContents.Singleton;

    public Microsoft.Extensions.Primitives.IChangeToken Watch(string filter) => Microsoft.Extensions.FileProviders.NullChangeToken.Singleton;

    private sealed class PartialFileInfo(string name, byte[] bytes) : Microsoft.Extensions.FileProviders.IFileInfo
    {
        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        // Embedded templates never change while the process runs: a fixed date lets Fluid cache the parsed partial.
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}

/// <summary>
/// A text filter a module offers to every template (<c>{{ value | name }}</c>), registered as a singleton. Pure:
/// it sees only its input, so it is safe across tenants. Its output is HTML-encoded like any other value.
/// </summary>
public sealed record LiquidFilter(string Name, Func<string, string> Apply);


/// <summary>
/// Whether templates are strict: reading a member the view model does not have fails instead of rendering nothing.
/// On in Development and in the tests (Municipal:Templates:StrictVariables); off by default in production, where a
/// forgotten member renders empty rather than failing a citizen's page.
/// </summary>
public sealed record TemplateStrictness(bool StrictVariables);
