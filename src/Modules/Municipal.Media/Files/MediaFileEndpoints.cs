using Microsoft.AspNetCore.Builder;
using Municipal.Media.Library;

namespace Municipal.Media.Files;

/// <summary>
/// GET /medias/{id}/{file}: the files of the tenant's library, and nothing else. Only the names the processor
/// generates are answered (never a size asked for in the address), from the current tenant's folder only.
/// </summary>
public static class MediaFileEndpoints
{
    /// <summary>A file never changes (a replaced image gets a new id): caches may keep it a year without asking.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static void MapMediaFiles(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/medias/{id}/{file}", Serve)
            .RequireFeature(MediaModule.Feature)
            // The files are on disk already: the output cache would only hold a second copy in memory.
            .WithMetadata(new AdminNoCachePolicy());

    private static IResult Serve(string id, string file, HttpContext http, TenantContext tenant, MediaFiles files)
    {
        if (!MediaLibrary.IsId(id) || !IsGeneratedName(file) || MediaFileNames.ContentType(file) is not { } contentType)
        {
            return Results.NotFound();
        }

        var path = files.File(tenant.Tenant.Name, id, file);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = CacheControl;
        return Results.File(path, contentType, enableRangeProcessing: false);
    }

    /// <summary>"w640.webp", "w1280.jpg", "w300.png": the shapes <see cref="MediaFileNames"/> writes.</summary>
    private static bool IsGeneratedName(string file)
    {
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        return dot is > 1 and <= 6
            && file[0] == 'w'
            && file[1] != '0'
            && file[1..dot].All(char.IsAsciiDigit)
            && file[(dot + 1)..] is "webp" or "jpg" or "png";
    }
}
