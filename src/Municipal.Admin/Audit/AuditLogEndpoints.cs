namespace Municipal.Admin.Audit;

/// <summary>A line of the journal as the table shows it.</summary>
public sealed record AuditLineView(string Date, string DateIso, string Actor, string Action, string ObjectType, string ObjectName, string? ObjectUrl, string? Details);

/// <summary>
/// /admin/journal, for administrators: the tenant's audit log, newest first, 50 lines a page, in Brussels time,
/// optionally of one object (?objet=id). Content items link to their editor.
/// </summary>
public static class AuditLogEndpoints
{
    public const string Path = "/admin/journal";
    public const string ObjectParameter = "objet";
    public const string PageParameter = "page";
    public const int PageSize = 50;

    public static void MapAuditLog(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapAdminArea("/journal").RequirePermission(AdminPermissions.ViewAudit).MapGet("/", JournalAsync);

    private static async Task<IResult> JournalAsync(HttpContext http, AdminViews views, AuditLog audit, TenantDbContext db, TextCatalog texts)
    {
        var objectId = http.Request.Query[ObjectParameter].ToString().Trim();
        var filter = objectId.Length == 0 ? null : objectId;
        var total = await audit.CountAsync(filter, http.RequestAborted);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (!int.TryParse(http.Request.Query[PageParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            page = 1;
        }

        if (page > pages)
        {
            return Users.UserViews.NotFound("AuditPageNotFound");
        }

        var records = await audit.ReadAsync((page - 1) * PageSize, PageSize, filter, http.RequestAborted);
        var ids = records.Where(r => r.ObjectId is not null).Select(r => r.ObjectId!).Distinct().ToList();
        var contentIds = ids.Count == 0
            ? []
            : (await db.ContentItems.AsNoTracking().Where(c => ids.Contains(c.ContentItemId)).Select(c => c.ContentItemId).Distinct().ToListAsync(http.RequestAborted)).ToHashSet(StringComparer.Ordinal);

        var lines = records.Select(r => new AuditLineView(
            LocalDate(r.AtUtc),
            r.AtUtc.ToString("O", CultureInfo.InvariantCulture),
            r.Actor,
            ActionLabel(texts, r.Action),
            TypeLabel(texts, r.ObjectType),
            r.ObjectName,
            r.ObjectId is { } id && contentIds.Contains(id) ? AdminArea.Url(http, EditorOf(id)) : null,
            r.Details)).ToList();

        var journal = AdminArea.Url(http, Path);
        return await views.RenderViewAsync(http, "AdminAuditLog", CoreText.Get("AuditTitle"), new AuditLogView(
            [],
            lines,
            filter,
            filter is null ? null : CoreText.Format("AuditFilteredBy", lines.FirstOrDefault()?.ObjectName ?? filter),
            journal,
            CoreText.Format("AuditPageOf", page, pages),
            page > 1 ? PageUrl(journal, filter, page - 1) : null,
            page < pages ? PageUrl(journal, filter, page + 1) : null));
    }

    /// <summary>"29 novembre 2026 à 14:05", in Europe/Brussels time.</summary>
    public static string LocalDate(DateTimeOffset utc)
    {
        var local = BrusselsTime.ToLocal(utc);
        return CoreText.Format("AuditDateFormat", local.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The French label of an action ("Audit.published"), or the action itself when it has none. A module's own
    /// actions and object types ("Audit.forms-export", "AuditType.Request") are labelled in its own texts.
    /// </summary>
    public static string ActionLabel(TextCatalog texts, string action) => LabelOr(texts, "Audit." + action, action);

    /// <summary>An object type in words ("AuditType.&lt;type&gt;" in the core's or its module's texts), else its name; the review and the trash name content types the same way.</summary>
    public static string TypeLabel(TextCatalog texts, string type) => LabelOr(texts, "AuditType." + type, type);

    private static string LabelOr(TextCatalog texts, string key, string fallback)
    {
        var label = texts.Get(key);
        return label == key ? fallback : label;
    }

    /// <summary>
    /// Where a content item is edited: a taxonomy in its own editor (the generic editor does not open it), any other
    /// item in the content editor.
    /// </summary>
    private static string EditorOf(string contentItemId) =>
        contentItemId.StartsWith(TaxonomyPrefix, StringComparison.Ordinal)
            ? Site.SiteAdmin.TaxonomiesPath + "/" + Uri.EscapeDataString(contentItemId[TaxonomyPrefix.Length..])
            : ContentAdminRoutes.Edit(contentItemId);

    private const string TaxonomyPrefix = "taxonomy:";

    private static string PageUrl(string journal, string? filter, int page)
    {
        var query = new List<string>();
        if (filter is not null)
        {
            query.Add(ObjectParameter + "=" + Uri.EscapeDataString(filter));
        }

        if (page > 1)
        {
            query.Add(PageParameter + "=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? journal : journal + "?" + string.Join("&", query);
    }
}

/// <summary>A page of the journal (AdminAuditLog.liquid), of everything or of one object.</summary>
public sealed record AuditLogView(
    IReadOnlyList<ErrorLinkView> Errors,
    IReadOnlyList<AuditLineView> Lines,
    string? Filter,
    string? FilterLabel,
    string AllUrl,
    string PageLabel,
    string? PreviousUrl,
    string? NextUrl) : IAdminPageView;
