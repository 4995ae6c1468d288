namespace Municipal.Core.Display;

/// <summary>Pages every site has whatever its features: sitemap.xml, robots.txt and the accessibility statement.</summary>
public static class SiteEndpoints
{
    public const string AccessibilityPath = "accessibilite";

    public static void MapSiteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync);
        endpoints.MapGet("/robots.txt", (HttpContext http, TenantContext tenant) => tenant.Current is null
            ? Results.NotFound()
            : Results.Text($"User-agent: *\nDisallow: /admin/\nSitemap: {TenantUrls.BaseUrl(http)}sitemap.xml\n", "text/plain; charset=utf-8"));
        endpoints.MapGet("/" + AccessibilityPath, AccessibilityStatementAsync);
    }

    private static async Task<IResult> SitemapAsync(HttpContext http, TenantContext tenant, ContentStore store, IEnumerable<ModulePage> modulePages)
    {
        if (tenant.Current is null)
        {
            return Results.NotFound();
        }

        var routes = await store.PublishedRoutesAsync(http.RequestAborted);
        var baseUrl = TenantUrls.BaseUrl(http);
        return XmlDocuments.Result("application/xml", xml =>
        {
            const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            xml.WriteStartElement("urlset", Ns);
            var extra = modulePages.Where(p => tenant.Tenant.HasFeature(p.Feature)).Select(p => p.Path).Prepend(AccessibilityPath);

            foreach (var (path, modified) in routes.Select(r => (r.Path, (DateTimeOffset?)r.Modified)).Concat(extra.Select(e => (e, (DateTimeOffset?)null))).DistinctBy(r => r.Item1))
            {
                xml.WriteStartElement("url", Ns);
                xml.WriteElementString("loc", Ns, baseUrl + path);
                if (modified is { } date)
                {
                    xml.WriteElementString("lastmod", Ns, date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>The statement the Walloon decree of 2 May 2019 requires, drawn up from the tenant's settings.</summary>
    private static async Task<IResult> AccessibilityStatementAsync(HttpContext http, TenantContext tenant, SiteSettingsStore settings, ThemePageRenderer renderer)
    {
        if (tenant.Current is null)
        {
            return Results.NotFound();
        }

        var statement = await settings.GetAsync<AccessibilitySettings>(http.RequestAborted);
        var site = await settings.GetAsync<SiteSettings>(http.RequestAborted);
        var title = CoreText.Get("AccessibilityTitle");
        var page = new PageView(title, CoreText.Get("AccessibilityDescription"), ThemePageRenderer.Breadcrumb(http, (title, "/" + AccessibilityPath)));
        return await renderer.RenderViewAsync(http, page, "Accessibility", new AccessibilityView(
            statement.Status.ToString().ToLowerInvariant(),
            FormatDate(statement.AuditDate),
            FormatDate(statement.StatementDate),
            statement.NonAccessibleContent.Select(c => RichText.FromMarkdown(c).Html).ToArray(),
            statement.ContactEmail ?? site.ContactEmail,
            statement.ContactPhone ?? site.ContactPhone,
            statement.EnforcementUrl));
    }

    private static string? FormatDate(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? DisplayDates.Readable(date) : null;
}

/// <summary>The accessibility statement (Accessibility.liquid); Status is "full", "partial" or "none" (lower case).</summary>
public sealed record AccessibilityView(
    string Status,
    string? AuditDate,
    string? StatementDate,
    IReadOnlyList<string> NonAccessible,
    string? ContactEmail,
    string? ContactPhone,
    string? EnforcementUrl);
