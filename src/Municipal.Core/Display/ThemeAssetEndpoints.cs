using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Municipal.Core.Display;

/// <summary>Serves a theme's embedded assets (CSS, scripts, images) at /theme/{theme}/{file}.</summary>
public static class ThemeAssetEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapThemeAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme/{theme}/{file}", (string theme, string file, HttpContext http, LiquidRenderer renderer) =>
        {
            if (file.Contains("..", StringComparison.Ordinal) || renderer.FindTheme(theme)?.Assets.ReadBytes(file) is not { } bytes)
            {
                return Results.NotFound();
            }

            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16] + "\"");
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(bytes, ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream", entityTag: etag);
        });
    }
}
