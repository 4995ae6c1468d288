namespace Municipal.Core.Modules;

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

    /// <summary>False when the current tenant has the media library off: its images are then not offered.</summary>
    bool Enabled { get; }

    /// <summary>The path (under the tenant's path base) of the JSON list the rich-text editor's Image button reads.</summary>
    string PickerPath { get; }

    /// <summary>The library of the request's tenant, or null when the module is not loaded or the tenant has it off.</summary>
    static IMediaCatalog? For(IServiceProvider services) =>
        services.GetService(typeof(IMediaCatalog)) is IMediaCatalog { Enabled: true } catalog ? catalog : null;
}
