namespace Municipal.Core.Media;

/// <summary>
/// An image of the tenant's media library, as content editors choose it. <paramref name="Url"/> is the address of
/// its largest web derivative, already under the tenant's path base (what goes into <c>ImagePart.Src</c> and
/// into rich text); <paramref name="Alt"/> is never empty: an image without alternative text is not offered.
/// </summary>
public sealed record MediaChoice(string Id, string Name, string Url, string ThumbnailUrl, string Alt, int Width, int Height, string? Folder);

/// <summary>
/// What the content back office knows of the media library (implemented by the Media module; absent when the
/// module is not loaded, so callers take it as optional).
/// </summary>
public interface IMediaCatalog
{
    /// <summary>The images that may be used in content (alternative text set), newest first, optionally filtered.</summary>
    Task<IReadOnlyList<MediaChoice>> ListImagesAsync(string? search, CancellationToken cancellationToken);

    /// <summary>The image an address of the library points to (any of its derivatives), or null.</summary>
    Task<MediaChoice?> FindByUrlAsync(string url, CancellationToken cancellationToken);

    /// <summary>
    /// The path (under the tenant's path base) of the JSON list the rich-text editor's Image button reads, or null
    /// when the tenant has the media library off.
    /// </summary>
    string? PickerPath { get; }
}
