namespace Municipal.Media.Library;

/// <summary>The library as the content back office sees it: only images with an alternative text are offered.</summary>
public sealed class MediaCatalog(MediaLibrary library, TenantContext tenant) : IMediaCatalog
{
    /// <summary>Enough for a picker; a narrower search finds the rest.</summary>
    public const int MaxChoices = 200;

    public bool Enabled => tenant.Current?.HasFeature(MediaModule.Feature) == true;

    public string PickerPath => MediaLibraryEndpoints.PickerPath;

    public async Task<IReadOnlyList<MediaChoice>> ListImagesAsync(string? search, CancellationToken cancellationToken)
    {
        var folders = (await library.FoldersAsync(cancellationToken)).ToDictionary(f => f.Id, f => f.Name);
        var images = await library.ListUsableAsync(search, MaxChoices, cancellationToken);
        return images.Select(m => Choice(m, folders)).ToList();
    }

    public async Task<MediaChoice?> FindByUrlAsync(string url, CancellationToken cancellationToken)
    {
        if (MediaUrls.IdOf(url) is not { } id || await library.FindAsync(id, cancellationToken) is not { HasAlt: true } media)
        {
            return null;
        }

        var folders = (await library.FoldersAsync(cancellationToken)).ToDictionary(f => f.Id, f => f.Name);
        return Choice(media, folders);
    }

    /// <summary>The size given is the one of <see cref="MediaChoice.Url"/> (the largest derivative), for width and height attributes.</summary>
    private MediaChoice Choice(MediaRecord media, Dictionary<long, string> folders)
    {
        var pathBase = MediaUrls.PathBase(tenant.Tenant);
        return new MediaChoice(
            media.Id,
            media.Name,
            MediaUrls.Main(pathBase, media),
            MediaUrls.Thumbnail(pathBase, media),
            media.Alt!,
            media.LargestWidth,
            (int)Math.Round((double)media.Height * media.LargestWidth / media.Width),
            media.FolderId is { } f ? folders.GetValueOrDefault(f) : null);
    }
}
