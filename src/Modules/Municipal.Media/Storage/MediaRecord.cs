namespace Municipal.Media.Storage;

/// <summary>
/// An image of the tenant's library. Only derivatives re-encoded from its pixels are kept on disk (never the bytes
/// that were sent), under &lt;tenant folder&gt;/media/&lt;Id&gt;/: one WebP per width of <see cref="Widths"/>, and
/// <see cref="FallbackFile"/> at the largest width. A replaced image gets a new id, so its files never change.
/// </summary>
public sealed class MediaRecord
{
    /// <summary>32 lowercase hexadecimal digits (a GUID), part of the public address.</summary>
    public required string Id { get; set; }

    /// <summary>The name editors know it by (the sent file's name without extension, editable).</summary>
    public required string Name { get; set; }

    /// <summary>The alternative text; null until someone writes it (the image is then not offered for use).</summary>
    public string? Alt { get; set; }

    public long? FolderId { get; set; }

    /// <summary>Width and height of the upright image (EXIF orientation applied).</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Widths of the WebP derivatives, ascending, comma-separated ("320,640,960").</summary>
    public required string Widths { get; set; }

    /// <summary>"w960.jpg", or "w960.png" for an image with transparency.</summary>
    public required string FallbackFile { get; set; }

    /// <summary>Bytes of all the derivatives together.</summary>
    public long StoredBytes { get; set; }

    public DateTimeOffset UploadedUtc { get; set; }

    public DateTimeOffset ModifiedUtc { get; set; }

    public string? UploadedBy { get; set; }

    public IReadOnlyList<int> WidthList() => Widths.Split(',').Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public int LargestWidth => WidthList()[^1];

    public bool HasAlt => !string.IsNullOrWhiteSpace(Alt);

    /// <summary>Every file name this image has on disk, and so the only names its address accepts.</summary>
    public IReadOnlyList<string> FileNames() => [.. WidthList().Select(MediaFileNames.Webp), FallbackFile];
}

/// <summary>A folder of the library (one level: folders hold images, not folders).</summary>
public sealed class MediaFolderRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }
}

/// <summary>Names of the files of an image, in one place: the processor writes them, the public address reads them.</summary>
public static class MediaFileNames
{
    public static string Webp(int width) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"w{width}.webp");

    public static string Fallback(int width, bool transparent) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"w{width}.{(transparent ? "png" : "jpg")}");

    /// <summary>The content type of a generated file, or null for any other name.</summary>
    public static string? ContentType(string fileName) => Path.GetExtension(fileName) switch
    {
        ".webp" => "image/webp",
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        _ => null,
    };
}
