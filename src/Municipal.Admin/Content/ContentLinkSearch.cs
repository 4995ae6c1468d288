namespace Municipal.Admin.Content;

/// <summary>A content item the rich-text editor's link dialog offers: its title, its public address (under the tenant's path base), its type, and whether it is published yet.</summary>
public sealed record ContentLinkChoice(string Title, string Url, string Type, bool Published);

/// <summary>
/// GET /admin/contenus/liens?q=: the contents with a public address whose title holds the words typed (pages, news,
/// drafts among them), as JSON for the link dialog (editor/src/link-dialog.js). At most <see cref="MaxChoices"/>, by title.
/// </summary>
public static class ContentLinkSearch
{
    public const string Path = "/admin/contenus/liens";
    public const int MaxChoices = 20;

    public static async Task<IResult> SearchAsync(HttpContext http, TenantDbContext db, TenantContext tenant, ContentEditors editors, string? q)
    {
        var search = AdminSearch.Term(q);
        if (search.Length == 0)
        {
            return TypedResults.Json(Array.Empty<ContentLinkChoice>(), System.Text.Json.JsonSerializerOptions.Web);
        }

        var available = editors.For(tenant.Tenant);
        var types = available.Select(e => e.ContentType).ToList();
        var lowered = search.ToLowerInvariant();
        // Translated to SQL lower(...) on both providers: culture and comparison overloads do not apply there.
#pragma warning disable CA1304, CA1311, CA1862
        var items = await ContentListQuery.Latest(db.ContentItems, types)
            .Where(i => i.Path != null && i.DisplayText.ToLower().Contains(lowered))
#pragma warning restore CA1304, CA1311, CA1862
            .OrderBy(i => i.DisplayText).ThenBy(i => i.Id)
            .Take(MaxChoices)
            .Select(i => new { i.ContentItemId, i.DisplayText, i.Path, i.ContentType })
            .ToListAsync(http.RequestAborted);
        var ids = items.Select(i => i.ContentItemId).ToList();
        var published = await db.ContentItems.AsNoTracking()
            .Where(i => ids.Contains(i.ContentItemId) && i.Status == Core.Content.ContentStatus.Published)
            .Select(i => i.ContentItemId).ToListAsync(http.RequestAborted);

        var pathBase = http.Request.PathBase.ToString();
        return TypedResults.Json(
            items.Select(i => new ContentLinkChoice(
                i.DisplayText,
                pathBase + "/" + i.Path,
                available.First(e => e.ContentType == i.ContentType).DisplayName,
                published.Contains(i.ContentItemId))).ToList(),
            System.Text.Json.JsonSerializerOptions.Web);
    }
}
