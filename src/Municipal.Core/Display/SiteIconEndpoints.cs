using Microsoft.Net.Http.Headers;

namespace Municipal.Core.Display;

/// <summary>
/// Each municipality's icons, drawn in its brand colour (<see cref="SiteIconPainter"/>; the default theme's colour
/// when it has none or one too light for white on it): /favicon.ico, /favicon.svg, /apple-touch-icon.png,
/// /icon-192.png, /icon-512.png, and /manifest.webmanifest, which a phone reads to put the site on its home screen.
/// </summary>
public static class SiteIconEndpoints
{
    /// <summary>The default theme's primary colour (site.css), for a municipality without a brand colour.</summary>
    public const string DefaultColor = "#0b5394";

    private const string CacheControl = "public, max-age=3600";

    public static void MapSiteIcons(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/favicon.ico", (HttpContext http, TenantContext tenant, SiteSettingsStore settings) =>
            IconAsync(http, tenant, settings, "image/x-icon", color => SiteIconPainter.Ico(color, 16, 32, 48)));
        endpoints.MapGet("/favicon.svg", (HttpContext http, TenantContext tenant, SiteSettingsStore settings) =>
            IconAsync(http, tenant, settings, "image/svg+xml", color => Encoding.UTF8.GetBytes(SiteIconPainter.Svg(color))));
        endpoints.MapGet("/apple-touch-icon.png", (HttpContext http, TenantContext tenant, SiteSettingsStore settings) =>
            IconAsync(http, tenant, settings, "image/png", color => SiteIconPainter.Png(color, 180, rounded: false)));
        endpoints.MapGet("/icon-192.png", (HttpContext http, TenantContext tenant, SiteSettingsStore settings) =>
            IconAsync(http, tenant, settings, "image/png", color => SiteIconPainter.Png(color, 192, rounded: true)));
        endpoints.MapGet("/icon-512.png", (HttpContext http, TenantContext tenant, SiteSettingsStore settings) =>
            IconAsync(http, tenant, settings, "image/png", color => SiteIconPainter.Png(color, 512, rounded: true)));
        endpoints.MapGet("/manifest.webmanifest", ManifestAsync);
    }

    /// <summary>The brand colour as branding.css takes it, else the default.</summary>
    public static string BrandColor(SiteSettings site) => BrandingEndpoint.ReadableColor(site)?.ToLowerInvariant() ?? DefaultColor;

    private static async Task<IResult> IconAsync(HttpContext http, TenantContext tenant, SiteSettingsStore settings, string contentType, Func<string, byte[]> draw)
    {
        if (tenant.Current is null)
        {
            return Results.NotFound();
        }

        var color = BrandColor(await settings.GetAsync<SiteSettings>(http.RequestAborted));
        http.Response.Headers.CacheControl = CacheControl;
        return Results.Bytes(draw(color), contentType, entityTag: new EntityTagHeaderValue("\"v1-" + color[1..] + "\""));
    }

    private static async Task<IResult> ManifestAsync(HttpContext http, TenantContext tenant, SiteSettingsStore settings)
    {
        if (tenant.Current is null)
        {
            return Results.NotFound();
        }

        var site = await settings.GetAsync<SiteSettings>(http.RequestAborted);
        var name = string.IsNullOrWhiteSpace(site.SiteName) ? tenant.Tenant.DisplayName : site.SiteName;
        var color = BrandColor(site);
        var manifest = new WebManifest(
            name,
            name,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            ThemePageRenderer.Url(http, "/"),
            ThemePageRenderer.Url(http, "/"),
            "minimal-ui",
            color,
            "#ffffff",
            [
                new WebManifestIcon(ThemePageRenderer.Url(http, "/favicon.svg"), "any", "image/svg+xml"),
                new WebManifestIcon(ThemePageRenderer.Url(http, "/icon-192.png"), "192x192", "image/png"),
                new WebManifestIcon(ThemePageRenderer.Url(http, "/icon-512.png"), "512x512", "image/png"),
                new WebManifestIcon(ThemePageRenderer.Url(http, "/apple-touch-icon.png"), "180x180", "image/png"),
            ]);
        http.Response.Headers.CacheControl = CacheControl;
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson), "application/manifest+json; charset=utf-8");
    }

    // A JSON document of its own (never inside HTML): accents and "+" are written as they are.
    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>A web app manifest (W3C): what a phone shows for the site put on its home screen.</summary>
public sealed record WebManifest(
    string Name,
    string ShortName,
    string Lang,
    string StartUrl,
    string Scope,
    string Display,
    string ThemeColor,
    string BackgroundColor,
    IReadOnlyList<WebManifestIcon> Icons);

/// <summary>An icon of the manifest.</summary>
public sealed record WebManifestIcon(string Src, string Sizes, string Type);
