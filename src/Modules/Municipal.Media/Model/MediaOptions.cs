namespace Municipal.Media.Model;

/// <summary>Limits of the media library (configuration section "Municipal:Media").</summary>
public sealed class MediaOptions
{
    public const string Section = "Municipal:Media";

    /// <summary>Largest file accepted, in bytes (10 Mo by default).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>An image with more pixels than this is refused before its pixels are decoded (image bombs).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>An image wider or taller than this is refused before its pixels are decoded.</summary>
    public int MaxSide { get; set; } = 10_000;

    /// <summary>
    /// The whole request may be this much larger than <see cref="MaxUploadBytes"/> (the other fields, the multipart
    /// framing): past it the body is not even read, and the answer is a plain 413 page.
    /// </summary>
    public long RequestOverheadBytes { get; set; } = 512 * 1024;
}
