namespace Municipal.Admin.Site;

/// <summary>A row of the menu editor as the template shows it.</summary>
public sealed record MenuRowView(
    int Index,
    string Prefix,
    string Legend,
    string Label,
    string Page,
    string Address,
    bool Nested,
    string? LabelError,
    string? PageError,
    string? AddressError,
    string? NestedError,
    bool CanMoveUp,
    bool CanMoveDown);

/// <summary>The tenant's menus (AdminMenuList.liquid).</summary>
public sealed record MenuListView(IReadOnlyList<ErrorLinkView> Errors, IReadOnlyList<MenuSummaryView> Menus) : IAdminPageView;

/// <summary>One menu's links (AdminMenuEdit.liquid): its rows, the row to add, the pages a link may point to.</summary>
public sealed record MenuEditView(
    IReadOnlyList<ErrorLinkView> Errors,
    string Heading,
    string ListUrl,
    string FormAction,
    IReadOnlyList<MenuRowView> Rows,
    IReadOnlyList<OptionView> Pages,
    MenuRowView NewRow,
    string? Notice) : IAdminPageView;

/// <summary>
/// /admin/menus: the tenant's menus; /admin/menus/{name}: one menu's links. Every button of the editor posts the
/// whole form, so nothing typed is lost: the rows are read, the button's action applied (move, remove, add), the
/// result checked and saved at once, and the public site shows it on the next request.
/// </summary>
public static class MenuEditorEndpoints
{
    /// <summary>The menus the theme shows, offered even before a recipe has created them.</summary>
    private static readonly string[] ThemeMenus = ["main", "footer"];

    public static void MapMenuEditor(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminArea("/menus").RequirePermission(AdminPermissions.ManageNavigation);
        group.MapGet("/", ListAsync);
        group.MapGet("/{name}", EditAsync);
        group.MapPost("/{name}", SaveAsync);
    }

    public static string Title(string name) => name switch
    {
        "main" => CoreText.Get("SiteMenuMain"),
        "footer" => CoreText.Get("SiteMenuFooter"),
        _ => name,
    };

    private static async Task<IResult> ListAsync(HttpContext http, AdminViews views, TenantDbContext db)
    {
        var stored = await db.Menus.AsNoTracking().ToListAsync(http.RequestAborted);
        var names = ThemeMenus.Concat(stored.Select(m => m.Name).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        var menus = names.Select(name =>
        {
            var row = stored.FirstOrDefault(m => m.Name == name);
            var count = row is null ? 0 : MenuRows.FromItems(MenuJson.Read(row.Items), new HashSet<string>()).Count;
            return new MenuSummaryView(name, Title(name), count, AdminArea.Url(http, SiteAdmin.MenusPath + "/" + name), row is null ? null : DisplayDates.Readable(row.ModifiedUtc));
        }).ToList();
        return await views.RenderViewAsync(http, "AdminMenuList", CoreText.Get("SiteMenusTitle"), new MenuListView([], menus));
    }

    private static async Task<IResult> EditAsync(string name, HttpContext http, AdminViews views, TenantDbContext db, MenuStore store)
    {
        if (!await ExistsAsync(db, name, http.RequestAborted))
        {
            return Results.NotFound();
        }

        var pages = await PageOptionsAsync(http);
        var rows = MenuRows.FromItems(await store.GetAsync(name, http.RequestAborted), Paths(pages));
        return await RenderAsync(http, views, name, rows, [], new MenuRow(string.Empty, string.Empty, string.Empty, false), null, pages, Notice(http.Request.Query, rows));
    }

    private static async Task<IResult> SaveAsync(string name, HttpContext http, AdminViews views, TenantDbContext db, MenuStore store, AuditLog audit)
    {
        if (!await ExistsAsync(db, name, http.RequestAborted))
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var pages = await PageOptionsAsync(http);
        var paths = Paths(pages);
        var rows = MenuRows.Read(form);
        var added = MenuRows.ReadRow(form, "new-");
        var (verb, index) = RowList.Action(form["action"].ToString(), rows.Count);
        string query;
        switch (verb)
        {
            case "up" or "down":
                (rows, index) = MenuRows.Move(rows, index, verb == "up" ? -1 : 1);
                query = $"?fait=deplace&n={index}";
                break;
            case "remove":
                var label = rows[index].Label;
                var children = MenuRows.Remove(rows, index);
                query = $"?fait=retire&libelle={Uri.EscapeDataString(label)}&sous={children}";
                break;
            default:
                query = verb == "add" ? "?fait=ajoute" : "?fait=enregistre";
                break;
        }

        var errors = rows.Select((row, i) => MenuRows.Validate(row, CoreText.Format("SiteMenuRowName", i + 1), i == 0, paths)).ToList();
        var addedErrors = verb == "add" || !added.IsBlank
            ? MenuRows.Validate(added, CoreText.Get("SiteMenuNewRowName"), rows.Count == 0, paths)
            : null;
        if (errors.Any(e => e.Any) || addedErrors?.Any == true)
        {
            return await RenderAsync(http, views, name, rows, errors, added, addedErrors, pages, notice: null, StatusCodes.Status400BadRequest);
        }

        if (addedErrors is not null)
        {
            rows.Add(added);
            query = verb == "save" ? "?fait=enregistre" : $"?fait=ajoute&n={rows.Count - 1}";
        }

        audit.Add(AuditActions.Changed, "Menu", name, Title(name));
        await store.SaveAsync(name, MenuRows.ToItems(rows), http.RequestAborted);
        return Results.Redirect(AdminArea.Url(http, SiteAdmin.MenusPath + "/" + name) + query);
    }

    private static string? Notice(IQueryCollection query, List<MenuRow> rows)
    {
        var index = int.TryParse(query["n"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < rows.Count ? n : -1;
        return query["fait"].ToString() switch
        {
            "enregistre" => CoreText.Get("SiteMenuSaved"),
            "ajoute" when index >= 0 => CoreText.Format("SiteMenuAdded", rows[index].Label, MenuRows.Position(rows, index)),
            "ajoute" => CoreText.Get("SiteMenuSaved"),
            "deplace" when index >= 0 => CoreText.Format("SiteMenuMoved", rows[index].Label, MenuRows.Position(rows, index)),
            "retire" => query["sous"] is var sub && int.TryParse(sub, NumberStyles.None, CultureInfo.InvariantCulture, out var children) && children > 0
                ? CoreText.Format("SiteMenuRemovedWithChildren", query["libelle"].ToString(), children)
                : CoreText.Format("SiteMenuRemoved", query["libelle"].ToString()),
            _ => null,
        };
    }

    private static Task<IResult> RenderAsync(
        HttpContext http,
        AdminViews views,
        string name,
        IReadOnlyList<MenuRow> rows,
        List<MenuRowErrors> errors,
        MenuRow added,
        MenuRowErrors? addedErrors,
        IReadOnlyList<OptionView> pages,
        string? notice,
        int statusCode = StatusCodes.Status200OK)
    {
        var groups = MenuRows.Groups(rows);
        var rowViews = rows.Select((row, i) =>
        {
            var e = i < errors.Count ? errors[i] : null;
            var legend = row.Nested ? CoreText.Format("SiteMenuRowLegendNested", i + 1) : CoreText.Format("SiteMenuRowLegend", i + 1);
            return new MenuRowView(
                i, $"item-{i}", legend, row.Label, row.Page, row.Address, row.Nested, e?.Label, e?.Page, e?.Address, e?.Nested,
                MenuRows.CanMoveUp(groups, i), MenuRows.CanMoveDown(groups, i));
        }).ToList();
        var summary = new List<ErrorLinkView>();
        foreach (var row in rowViews)
        {
            AddError(summary, row.LabelError, row.Prefix + "-label");
            AddError(summary, row.PageError, row.Prefix + "-page");
            AddError(summary, row.AddressError, row.Prefix + "-address");
            AddError(summary, row.NestedError, row.Prefix + "-nested");
        }

        AddError(summary, addedErrors?.Label, "new-label");
        AddError(summary, addedErrors?.Page, "new-page");
        AddError(summary, addedErrors?.Address, "new-address");
        AddError(summary, addedErrors?.Nested, "new-nested");
        var heading = CoreText.Format("SiteMenuEditTitle", Title(name));
        return views.RenderViewAsync(http, "AdminMenuEdit", heading, new MenuEditView(
            summary,
            heading,
            AdminArea.Url(http, SiteAdmin.MenusPath),
            AdminArea.Url(http, SiteAdmin.MenusPath + "/" + name),
            rowViews,
            pages,
            new MenuRowView(-1, "new", CoreText.Get("SiteMenuNewLegend"), added.Label, added.Page, added.Address, added.Nested, addedErrors?.Label, addedErrors?.Page, addedErrors?.Address, addedErrors?.Nested, false, false),
            notice), statusCode);
    }

    private static void AddError(List<ErrorLinkView> summary, string? error, string id)
    {
        if (error is not null)
        {
            summary.Add(new ErrorLinkView(error, "#" + id));
        }
    }

    private static async Task<bool> ExistsAsync(TenantDbContext db, string name, CancellationToken cancellationToken) =>
        ThemeMenus.Contains(name, StringComparer.Ordinal) || await db.Menus.AnyAsync(m => m.Name == name, cancellationToken);

    /// <summary>The home page, then the places the modules offer (published pages, procedures...), by their site path.</summary>
    private static async Task<IReadOnlyList<OptionView>> PageOptionsAsync(HttpContext http)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Tenant;
        var options = new List<OptionView> { new("/", CoreText.Get("Home") + " — /") };
        foreach (var source in http.RequestServices.GetServices<IMenuLinkSource>().Where(s => tenant.HasFeature(s.Feature)))
        {
            options.AddRange((await source.TargetsAsync(http.RequestAborted)).Select(t => new OptionView(t.Path, t.Label + " — " + t.Path)));
        }

        return options.DistinctBy(o => o.Value).ToList();
    }

    private static HashSet<string> Paths(IEnumerable<OptionView> pages) => pages.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The stored JSON of a menu, read as the store reads it.</summary>
internal static class MenuJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static IReadOnlyList<MenuItem> Read(string json) => System.Text.Json.JsonSerializer.Deserialize<List<MenuItem>>(json, Options) ?? [];
}
