namespace Municipal.Core.Display;

/// <summary>Shows one published content item of a type a module defines.</summary>
public interface IContentDisplay
{
    string ContentType { get; }

    /// <summary>The feature the tenant must have on for items of this type to be shown.</summary>
    string Feature { get; }

    Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http);
}

/// <summary>
/// Every address of a tenant that no module maps explicitly: the published item at that path, shown by its
/// type's display; else a former address (301 to the new one); else the tenant's 404 page.
/// </summary>
public static class ContentRoutes
{
    public static void MapContentRoutes(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/{**path}", ShowAsync);

    public static Task<IResult> NotFoundAsync(HttpContext http, ThemePageRenderer renderer)
    {
        // The trail ends on the 404 page itself: ending on "Accueil" would tell the visitor they are on the home page.
        var title = CoreText.Get("NotFoundTitle");
        var page = new PageView(title, null, ThemePageRenderer.Breadcrumb(http, (title, http.Request.Path.Value ?? "/")));
        return renderer.RenderViewAsync(http, page, "NotFound", new NotFoundView(), StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ShowAsync(string? path, HttpContext http, TenantContext tenant, ContentStore store, ThemePageRenderer renderer, IEnumerable<IContentDisplay> displays)
    {
        if (tenant.Current is null)
        {
            return Results.NotFound();
        }

        var normalized = (path ?? string.Empty).Trim('/');
        if (normalized.Length > 0 && Slugs.IsPath(normalized))
        {
            var item = await store.GetPublishedByPathAsync(normalized, http.RequestAborted);
            var display = item is null ? null : displays.FirstOrDefault(d => d.ContentType == item.ContentType);
            if (item is not null && display is not null && tenant.Tenant.HasFeature(display.Feature))
            {
                return await display.DisplayAsync(item, http);
            }

            if (item is null && await store.RedirectTargetAsync(normalized, http.RequestAborted) is { } target)
            {
                return Results.Redirect(ThemePageRenderer.Url(http, "/" + target) + http.Request.QueryString, permanent: true);
            }
        }

        return await NotFoundAsync(http, renderer);
    }
}

/// <summary>Breadcrumb trails of the site tree: home, each published ancestor, the page itself.</summary>
public static class ContentBreadcrumb
{
    public static async Task<IReadOnlyList<LinkView>> BuildAsync(HttpContext http, ContentStore store, string path, string title)
    {
        var ancestors = Slugs.Ancestors(path).ToList();
        var titles = ancestors.Count == 0 ? new Dictionary<string, string>() : await store.TitlesByPathAsync(ancestors, http.RequestAborted);
        var trail = ancestors.Where(titles.ContainsKey).Select(a => (titles[a], "/" + a)).Append((title, "/" + path)).ToArray();
        return ThemePageRenderer.Breadcrumb(http, trail);
    }
}

/// <summary>The "page not found" page (NotFound.liquid): it reads only <c>site</c> and <c>page</c>.</summary>
public sealed record NotFoundView;
