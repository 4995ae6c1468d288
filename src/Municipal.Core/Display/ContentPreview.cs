namespace Municipal.Core.Display;

/// <summary>
/// Marks a request as the back office's preview of an unpublished revision: <see cref="ThemePageRenderer"/>
/// then puts a labelled banner at the top of the main region, and the page is otherwise the public one.
/// </summary>
/// <param name="EditUrl">The back office's editor of the previewed item.</param>
/// <param name="CssUrl">The banner's stylesheet, served by the back office.</param>
public sealed record ContentPreview(string EditUrl, string CssUrl)
{
    private const string ItemKey = "Municipal.ContentPreview";

    public static void Mark(HttpContext http, ContentPreview preview) => http.Items[ItemKey] = preview;

    public static ContentPreview? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var value) ? value as ContentPreview : null;
}
