using Microsoft.AspNetCore.Http;

namespace Municipal.Core.Display;

/// <summary>
/// Marks a request as the back office's preview of an unpublished revision: <see cref="ThemePageRenderer"/>
/// then puts a labelled banner at the top of the main region, and the page is otherwise the public one.
/// </summary>
public sealed record ContentPreview(string EditUrl)
{
    private const string ItemKey = "Municipal.ContentPreview";

    public static void Mark(HttpContext http, ContentPreview preview) => http.Items[ItemKey] = preview;

    public static ContentPreview? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var value) ? value as ContentPreview : null;
}
