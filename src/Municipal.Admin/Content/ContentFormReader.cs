using System.Net;

namespace Municipal.Admin.Content;

/// <summary>
/// Reads a posted content form into the editor's typed fields: each field is read by its kind, required fields
/// are checked, images are resolved through the media library, and every problem is a French message on its field.
/// </summary>
public static partial class ContentFormReader
{
    /// <summary>The second input of an image field without media library: its alternative text.</summary>
    public const string AltSuffix = "-alt";

    /// <param name="fields">The editor's fields filled from the latest revision: they say what to read, and keep the current image.</param>
    public static async Task<EditorValues> ReadAsync(IFormCollection form, IReadOnlyList<EditorField> fields, IMediaCatalog? catalog, CancellationToken cancellationToken)
    {
        var errors = new List<(string Name, string Message)>();
        var read = new List<EditorField>(fields.Count);
        foreach (var field in fields)
        {
            var posted = form[field.Name].ToString();
            EditorField value = field switch
            {
                TextField text => text with { Value = posted.Trim() },
                MultilineField multiline => multiline with { Value = Normalize(posted) },
                ParentChoiceField parent => parent with { Value = posted.Trim().Trim('/') },
                // Not offered (no e-counter): the choice already made stays.
                EmbeddedFormField embedded when !form.ContainsKey(field.Name) => embedded,
                EmbeddedFormField embedded => embedded with { Value = posted.Trim() is { Length: > 0 } slug && Slugs.IsSlug(slug) ? slug : null },
                RichTextField rich => rich with { Value = await CheckImagesAsync(rich, ReadRichText(posted), catalog, errors, cancellationToken) },
                DateField date => date with { Value = ReadDate(posted, field, errors) },
                LinesField lines => lines with { Value = SplitLines(posted) },
                TermsField terms => terms with { Value = form[field.Name].Where(v => v is not null && Slugs.IsSlug(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList() },
                ImageField image => image with { Value = await ReadImageAsync(form, image, catalog, errors, cancellationToken) },
                CheckboxField checkbox => checkbox with { Value = posted.Length > 0 },
                SelectField select => select with { Value = ReadChoice(select, posted.Trim(), errors) },
                ChoicesField choices => choices with { Value = ReadChoices(choices, form[field.Name], errors) },
                _ => field,
            };
            if (field.Required && IsEmpty(value))
            {
                errors.Add((field.Name, CoreText.Format("ContentFieldRequired", field.Label)));
            }

            read.Add(value);
        }

        var values = new EditorValues(read);
        foreach (var (name, message) in errors)
        {
            values.Fail(name, message);
        }

        return values;
    }

    /// <summary>
    /// HTML from the rich-text editor is sanitized; text typed in the plain textarea (no script) becomes
    /// paragraphs, a blank line between two of them, so that nothing typed is lost or taken for markup.
    /// </summary>
    public static RichText ReadRichText(string posted)
    {
        var text = Normalize(posted);
        if (text.Length == 0)
        {
            return RichText.Empty;
        }

        if (text.Contains('<', StringComparison.Ordinal))
        {
            return RichText.FromHtml(text);
        }

        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => "<p>" + string.Join("<br>", p.Split('\n').Select(WebUtility.HtmlEncode)) + "</p>");
        return RichText.FromHtml(string.Concat(paragraphs));
    }

    /// <summary>
    /// With the media library on, an image in rich text must be one of the library's (so it has alternative text and
    /// is served by the site): the editor only offers those, and a crafted post with another is refused. Images the
    /// item already had (a recipe's) may stay.
    /// </summary>
    private static async Task<RichText> CheckImagesAsync(RichTextField field, RichText posted, IMediaCatalog? catalog, List<(string, string)> errors, CancellationToken cancellationToken)
    {
        if (catalog is null || posted.IsEmpty)
        {
            return posted;
        }

        var kept = field.Value is { } current ? ImageSources(current).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var src in ImageSources(posted).Where(src => !kept.Contains(src)).Distinct(StringComparer.Ordinal))
        {
            if (await catalog.FindByUrlAsync(WebUtility.HtmlDecode(src), cancellationToken) is null)
            {
                errors.Add((field.Name, CoreText.Format("ContentRichImageNotInLibrary", field.Label)));
                break;
            }
        }

        return posted;
    }

    private static IEnumerable<string> ImageSources(RichText text) =>
        ImageSourcePattern().Matches(text.Html).Select(m => m.Groups[1].Value);

    [System.Text.RegularExpressions.GeneratedRegex("<img\\b[^>]*\\bsrc=\"([^\"]*)\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ImageSourcePattern();

    /// <summary>One entry per non-empty line, trimmed.</summary>
    public static IReadOnlyList<string> SplitLines(string posted) =>
        Normalize(posted).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Normalize(string posted) => posted.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private static DateOnly? ReadDate(string posted, EditorField field, List<(string, string)> errors)
    {
        var text = posted.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        errors.Add((field.Name, CoreText.Format("ContentDateInvalid", field.Label)));
        return null;
    }

    private static async Task<ImagePart?> ReadImageAsync(IFormCollection form, ImageField field, IMediaCatalog? catalog, List<(string, string)> errors, CancellationToken cancellationToken)
    {
        var src = form[field.Name].ToString().Trim();
        if (src.Length == 0)
        {
            return null;
        }

        if (catalog is null)
        {
            var alt = form[field.Name + AltSuffix].ToString().Trim();
            var image = new ImagePart(src, alt);
            if (!IsImageAddress(src))
            {
                errors.Add((field.Name, CoreText.Format("ContentImageAddressInvalid", field.Label)));
            }
            else if (alt.Length == 0)
            {
                errors.Add((field.Name + AltSuffix, CoreText.Format("ContentImageAltMissing", field.Label)));
            }

            return image;
        }

        if (await catalog.FindByUrlAsync(src, cancellationToken) is { } choice)
        {
            return new ImagePart(choice.Url, choice.Alt);
        }

        // The image the item already has (set by a recipe, or before the library existed) may stay as it is.
        if (field.Value is { } current && current.Src == src)
        {
            if (current.Alt.Trim().Length == 0)
            {
                errors.Add((field.Name, CoreText.Format("ContentImageAltMissing", field.Label)));
            }

            return current;
        }

        errors.Add((field.Name, CoreText.Format("ContentImageUnknown", field.Label)));
        return null;
    }

    /// <summary>A path of this site ("/media/..."), never "//host", or an https address.</summary>
    private static bool IsImageAddress(string src) =>
        (src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) && !src.Contains('\\', StringComparison.Ordinal))
        || (Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The posted option, or the field's value (with a message) when it is none of them.</summary>
    private static string ReadChoice(SelectField field, string posted, List<(string, string)> errors)
    {
        if (field.Options.Any(o => o.Value == posted))
        {
            return posted;
        }

        errors.Add((field.Name, CoreText.Format("ContentChoiceUnknown", field.Label)));
        return field.Value;
    }

    private static List<string> ReadChoices(ChoicesField field, Microsoft.Extensions.Primitives.StringValues posted, List<(string, string)> errors)
    {
        var values = posted.Select(v => (v ?? string.Empty).Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (values.Any(v => field.Options.All(o => o.Value != v)))
        {
            errors.Add((field.Name, CoreText.Format("ContentChoiceUnknown", field.Label)));
            return values.Where(v => field.Options.Any(o => o.Value == v)).ToList();
        }

        return values;
    }

    private static bool IsEmpty(EditorField field) => field switch
    {
        SelectField select => select.Value.Length == 0,
        ChoicesField choices => choices.Value.Count == 0,
        TextField text => text.Value.Length == 0,
        MultilineField multiline => multiline.Value.Length == 0,
        RichTextField rich => rich.Value.IsEmpty,
        DateField date => date.Value is null,
        LinesField lines => lines.Value.Count == 0,
        TermsField terms => terms.Value.Count == 0,
        ImageField image => image.Value is null,
        _ => false,
    };
}
