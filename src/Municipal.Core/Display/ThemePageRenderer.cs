namespace Municipal.Core.Display;

/// <summary>
/// Renders a public page of the current tenant: the page's own template, then the theme's Layout around it,
/// with the site's branding and menus.
/// </summary>
public sealed class ThemePageRenderer(LiquidRenderer liquid, TenantContext tenantContext, SiteSettingsStore settings, MenuStore menus, IEnumerable<SiteFeed> feeds, IEnumerable<SiteLink> siteLinks, TextCatalog texts)
{
    /// <summary>Renders a page from its view-model record: its members are read at the top level of the template, beside <c>site</c> and <c>page</c>.</summary>
    public Task<IResult> RenderViewAsync(HttpContext http, PageView page, string template, object model, int statusCode = StatusCodes.Status200OK) =>
        RenderPageAsync(http, page, statusCode, (theme, ambient) => liquid.RenderAsync(theme, template, model, ambient));

    private async Task<IResult> RenderPageAsync(HttpContext http, PageView page, int statusCode, Func<string, ThemePageAmbient, Task<string>> renderPage)
    {
        var tenant = tenantContext.Tenant;
        var theme = liquid.HasTheme(tenant.Theme) ? tenant.Theme : LiquidRenderer.BaseTheme;
        var site = await BuildSiteAsync(http, tenant, theme, http.RequestAborted);
        var currentPath = http.Request.PathBase + http.Request.Path;

        var body = await renderPage(theme, new ThemePageAmbient(site, page));
        if (ContentPreview.Of(http) is { } preview)
        {
            // Inside the main region, before the page's own h1: the layout and its landmarks stay the public ones.
            var banner = new ContentPreviewBannerView(preview.EditUrl, preview.CssUrl);
            body = await liquid.RenderAsync(theme, "ContentPreviewBanner", banner) + body;
        }

        var layout = new ThemeLayoutView(
            site,
            page,
            body,
            Resolve(http, await menus.GetAsync("main", http.RequestAborted), currentPath),
            Resolve(http, await menus.GetAsync("footer", http.RequestAborted), currentPath),
            ServiceLinks(http, tenant, currentPath));
        var html = await liquid.RenderAsync(theme, "Layout", layout);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }

    /// <summary>A site path ("/x") is put under the tenant's path base; other URLs are kept.</summary>
    public static string Url(HttpContext http, string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? (http.Request.PathBase + url).ToString() : url;

    public static IReadOnlyList<LinkView> Breadcrumb(HttpContext http, params (string Label, string Url)[] trail) =>
        new[] { (CoreText.Get("Home"), "/") }.Concat(trail).Select(t => new LinkView(t.Item1, Url(http, t.Item2))).ToArray();

    private async Task<SiteView> BuildSiteAsync(HttpContext http, Tenant tenant, string theme, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        return new SiteView(
            string.IsNullOrWhiteSpace(site.SiteName) ? tenant.DisplayName : site.SiteName,
            site.Tagline,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            Url(http, "/"),
            Url(http, $"/theme/{theme}"),
            site.PrimaryColor,
            site.FooterText,
            site.ContactEmail,
            site.ContactPhone,
            site.Address,
            site.Logo?.Src,
            site.SocialLinks.Select(l => new LinkView(l.Label, l.Url)).ToArray(),
            feeds.Where(f => tenant.HasFeature(f.Feature)).Select(f => new LinkView(texts.Get(f.TitleKey), Url(http, "/" + f.Path))).ToArray(),
            site.OpeningHours);
    }

    /// <summary>The modules' links of every page's header (<see cref="SiteLink"/>), where their feature is on.</summary>
    private LinkView[] ServiceLinks(HttpContext http, Tenant tenant, string currentPath) =>
        siteLinks.Where(l => tenant.HasFeature(l.Feature))
            .Select(l => (l.Order, Label: texts.Get(l.LabelKey), Url: Url(http, "/" + l.Path)))
            .OrderBy(l => l.Order).ThenBy(l => l.Label, StringComparer.CurrentCulture)
            .Select(l => new LinkView(l.Label, l.Url, string.Equals(l.Url, currentPath, StringComparison.Ordinal)))
            .ToArray();

    private static LinkView[] Resolve(HttpContext http, IReadOnlyList<MenuItem> items, string currentPath) =>
        items.Select(i =>
        {
            var url = Url(http, i.Url);
            return new LinkView(i.Label, url, string.Equals(url, currentPath, StringComparison.Ordinal), Resolve(http, i.Children ?? [], currentPath));
        }).ToArray();
}

/// <summary>The banner above a previewed content (ContentPreviewBanner.liquid): the link back to its edit form.</summary>
public sealed record ContentPreviewBannerView(string EditUrl, string CssUrl);

/// <summary>What a public page's template reads beside its own view model: the site (branding, contact) and the page (title, breadcrumb).</summary>
public sealed record ThemePageAmbient(SiteView Site, PageView Page);

/// <summary>
/// The theme's Layout.liquid around a public page: the site, the page, its HTML, the two menus and the modules' links
/// every page's header shows (<see cref="SiteLink"/>).
/// </summary>
public sealed record ThemeLayoutView(SiteView Site, PageView Page, string Content, IReadOnlyList<LinkView> MainMenu, IReadOnlyList<LinkView> FooterMenu, IReadOnlyList<LinkView> ServiceLinks);
