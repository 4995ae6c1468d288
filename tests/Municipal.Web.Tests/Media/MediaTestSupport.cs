using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Media.Model;
using Municipal.Media.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Media;

/// <summary>Uploads through the library form as a browser would, and looks at what the tenant stored.</summary>
public static class MediaTestSupport
{
    public const string LibraryPath = "/admin/medias";

    public static async Task<HttpResponseMessage> UploadAsync(AdminSession session, byte[] bytes, string fileName, string contentType, string? alt)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        if (alt is not null)
        {
            content.Add(new StringContent(alt), "alt");
        }

        return await session.PostMultipartAsync(LibraryPath, LibraryPath, content);
    }

    /// <summary>Uploads and returns the new image's id (the redirect goes to its edit page).</summary>
    public static async Task<string> UploadOkAsync(AdminSession session, byte[] bytes, string fileName, string? alt)
    {
        var response = await UploadAsync(session, bytes, fileName, "image/png", alt);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(LibraryPath + "/", location, StringComparison.Ordinal);
        return location[(LibraryPath.Length + 1)..].Split('?')[0];
    }

    public static async Task<List<MediaRecord>> StoredAsync(StorageFixture fixture, string tenant)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Media.AsNoTracking().ToListAsync();
    }

    /// <summary>Files and folders under the tenant's media folder (none when nothing was ever stored).</summary>
    public static string[] FilesOnDisk(StorageFixture fixture, string tenant)
    {
        var root = Path.Combine(fixture.TenantsFolder, tenant, "media");
        return Directory.Exists(root) ? Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories) : [];
    }

    public static async Task AssertNothingStoredAsync(StorageFixture fixture, string tenant)
    {
        Assert.Empty(await StoredAsync(fixture, tenant));
        Assert.Empty(FilesOnDisk(fixture, tenant));
    }
}
