namespace Municipal.Core.Display;

/// <summary>
/// The tenant's brand colours as CSS custom properties, in a stylesheet of its own: the layout needs no inline
/// style, so the Content-Security-Policy can forbid them.
/// </summary>
public static class BrandingEndpoint
{
    public static void MapBranding(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/branding.css", async (HttpContext http, TenantContext tenant, SiteSettingsStore settings) =>
        {
            if (tenant.Current is null)
            {
                return Results.NotFound();
            }

            var site = await settings.GetAsync<SiteSettings>(http.RequestAborted);
            var css = ReadableColor(site) is { } color
                ? $":root {{ --primary: {color}; }}\n"
                : "/* default theme colour */\n";
            http.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Text(css, "text/css; charset=utf-8");
        });
    }

    /// <summary>The brand colour when white text on it is readable (WCAG AA), else null: the theme's default applies.</summary>
    public static string? ReadableColor(SiteSettings site) =>
        site.PrimaryColor is { } color && ColorContrast.TryParseHex(color, out _) && ColorContrast.AgainstWhite(color) >= ColorContrast.MinimumTextContrast
            ? color
            : null;
}
