using Microsoft.AspNetCore.WebUtilities;

namespace Municipal.Admin.Content;

/// <summary>The list of contents (AdminContentList.liquid): a page of rows, the filters, the links to create and to page.</summary>
public sealed record ContentListView(
    IReadOnlyList<ErrorLinkView> Errors,
    IReadOnlyList<ContentRowView> Rows,
    string TotalLabel,
    IReadOnlyList<ContentChoiceView> CreateLinks,
    IReadOnlyList<ContentChoiceView> TypeOptions,
    IReadOnlyList<ContentChoiceView> StateOptions,
    string Q,
    bool Filtered,
    string ListUrl,
    string? PageLabel,
    string? PreviousUrl,
    string? NextUrl) : IAdminPageView;

/// <summary>A row of the content list.</summary>
public sealed record ContentRowView(string Title, string EditUrl, string TypeName, string State, string Modified, string? Author);

/// <summary>A choice of the list's filters, or a "Créer" link.</summary>
public sealed record ContentChoiceView(string Value, string Label, bool Selected, string? Url = null);

/// <summary>GET /admin/contenus: the latest revision of every item, filtered, searched, 20 per page, last modified first.</summary>
public static class ContentListEndpoints
{
    public const int PageSize = 20;

    public static async Task<IResult> ListAsync(
        HttpContext http, AdminViews views, TenantDbContext db, TenantContext tenant, JobQueue jobs, ContentEditors editors,
        string? type, string? statut, string? q, string? page)
    {
        var available = editors.For(tenant.Tenant);
        var types = available.Select(e => e.ContentType).ToList();
        var selectedType = available.FirstOrDefault(e => e.ContentType == type);
        var state = ContentStates.FromSlug(statut);
        var search = AdminSearch.Term(q);
        var number = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1;

        var schedules = await ContentSchedules.PendingAsync(jobs, tenant.Tenant.Name, http.RequestAborted);
        var scheduled = schedules.Select(s => s.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
        var query = ContentListQuery.Latest(db.ContentItems, types);
        if (selectedType is not null)
        {
            query = query.Where(i => i.ContentType == selectedType.ContentType);
        }

        if (state is { } wanted)
        {
            query = ContentStates.Where(query, db.ContentItems, wanted, scheduled);
        }

        if (search.Length > 0)
        {
            var lowered = search.ToLowerInvariant();
            // Translated to SQL lower(...) on both providers: culture and comparison overloads do not apply there.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(i => i.DisplayText.ToLower().Contains(lowered));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await query.CountAsync(http.RequestAborted);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        number = Math.Min(number, pages);
        var items = await query.OrderByDescending(i => i.ModifiedUtc).ThenByDescending(i => i.Id)
            .Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(http.RequestAborted);
        var ids = items.Select(i => i.ContentItemId).ToList();
        var published = await db.ContentItems.AsNoTracking()
            .Where(i => ids.Contains(i.ContentItemId) && i.Status == Core.Content.ContentStatus.Published)
            .Select(i => i.ContentItemId).ToListAsync(http.RequestAborted);

        var rows = items.Select(i => new ContentRowView(
            i.DisplayText,
            AdminArea.Url(http, ContentAdminRoutes.Edit(i.ContentItemId)),
            available.First(e => e.ContentType == i.ContentType).DisplayName,
            ContentStates.Label(ContentStates.Of(i, published.Contains(i.ContentItemId), scheduled.Contains(i.ContentItemId))),
            BrusselsTime.Format(i.ModifiedUtc),
            i.Author)).ToList();

        var filters = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["type"] = selectedType?.ContentType,
            ["statut"] = state is { } s ? ContentStates.Slug(s) : null,
            ["q"] = search.Length > 0 ? search : null,
        };
        var title = CoreText.Get("ContentListTitle");
        return await views.RenderViewAsync(http, "AdminContentList", pages > 1 ? $"{title} – {CoreText.Format("PageOf", number, pages)}" : title, new ContentListView(
            [],
            rows,
            CoreText.Format("ContentListCount", total),
            await CreateChoicesAsync(http, db, available),
            available.Select(e => new ContentChoiceView(e.ContentType, e.DisplayName, e == selectedType)).ToList(),
            ContentStates.All.Select(st => new ContentChoiceView(ContentStates.Slug(st), ContentStates.Label(st), st == state)).ToList(),
            search,
            selectedType is not null || state is not null || search.Length > 0,
            AdminArea.Url(http, ContentAdminRoutes.List),
            pages > 1 ? CoreText.Format("PageOf", number, pages) : null,
            number > 1 ? PageUrl(http, filters, number - 1) : null,
            number < pages ? PageUrl(http, filters, number + 1) : null));
    }

    /// <summary>One "Créer" link per type the tenant has; the home page only while it has none.</summary>
    private static async Task<List<ContentChoiceView>> CreateChoicesAsync(HttpContext http, TenantDbContext db, IReadOnlyList<IContentTypeEditor> available)
    {
        var choices = new List<ContentChoiceView>();
        foreach (var editor in available)
        {
            if (!editor.HasPath && editor.DefaultPath(string.Empty) is { } fixedPath
                && await db.ContentItems.AnyAsync(i => i.Path == fixedPath && i.ContentType == editor.ContentType && i.TrashedUtc == null, http.RequestAborted))
            {
                continue;
            }

            var url = QueryHelpers.AddQueryString(AdminArea.Url(http, ContentAdminRoutes.New), "type", editor.ContentType);
            choices.Add(new ContentChoiceView(editor.ContentType, editor.DisplayName, false, url));
        }

        return choices;
    }

    private static string PageUrl(HttpContext http, Dictionary<string, string?> filters, int number)
    {
        var query = new Dictionary<string, string?>(filters) { ["page"] = number == 1 ? null : number.ToString(CultureInfo.InvariantCulture) };
        return QueryHelpers.AddQueryString(AdminArea.Url(http, ContentAdminRoutes.List), query.Where(p => p.Value is not null));
    }
}
