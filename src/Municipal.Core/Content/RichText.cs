using Ganss.Xss;
using Markdig;

namespace Municipal.Core.Content;

/// <summary>
/// Rich text as stored: HTML sanitized when saved, rendered only from this sanitized copy. Scripts, event
/// handlers, javascript: links, style, SVG and MathML never survive.
/// </summary>
public sealed record RichText(string Html)
{
    public static readonly RichText Empty = new(string.Empty);

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UsePipeTables().Build();

    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "b", "i", "u", "s", "sub", "sup",
        "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "abbr", "span", "img", "figure", "figcaption",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "title", "lang", "scope", "colspan", "rowspan", "src", "alt", "width", "height", "abbr", "start",
    };

    /// <summary>Sanitizes HTML written by an officer (or pasted from a word processor).</summary>
    public static RichText FromHtml(string? html) => string.IsNullOrWhiteSpace(html) ? Empty : new(CreateSanitizer().Sanitize(html).Trim());

    /// <summary>Markdown (raw HTML disabled), then sanitized like any HTML.</summary>
    public static RichText FromMarkdown(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? Empty : FromHtml(Markdig.Markdown.ToHtml(markdown, Markdown));

    public bool IsEmpty => Html.Length == 0;

    // HtmlSanitizer is not documented as thread-safe for configuration, so each call gets its own (cheap) instance.
    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = AllowedTags,
            AllowedAttributes = AllowedAttributes,
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.KeepChildNodes = true;
        return sanitizer;
    }
}
