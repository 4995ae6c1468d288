using System.Globalization;
using System.Text.RegularExpressions;

namespace Municipal.Media.Files;

/// <summary>Public addresses of the library's files, and the srcset of the responsive images built from them.</summary>
public static partial class MediaUrls
{
    /// <summary>The Liquid filter: <c>{{ image_src | media_srcset }}</c>, empty for an address outside the library.</summary>
    public const string SrcsetFilter = "media_srcset";

    /// <summary>"/prefix" for a tenant served under a path prefix, "" otherwise.</summary>
    public static string PathBase(Tenant tenant) => tenant.PathPrefix is { Length: > 0 } prefix ? "/" + prefix : string.Empty;

    public static string File(string pathBase, string id, string fileName) => $"{pathBase}/medias/{id}/{fileName}";

    /// <summary>The address content uses: the largest WebP.</summary>
    public static string Main(string pathBase, MediaRecord media) => File(pathBase, media.Id, MediaFileNames.Webp(media.LargestWidth));

    public static string Thumbnail(string pathBase, MediaRecord media) => File(pathBase, media.Id, MediaFileNames.Webp(media.WidthList()[0]));

    /// <summary>The id of the image an address points to (any of its files), or null.</summary>
    public static string? IdOf(string url) => AnyFile().Match(url) is { Success: true } match ? match.Groups["id"].Value : null;

    /// <summary>
    /// "…/w320.webp 320w, …/w640.webp 640w" for an address of a library WebP, from the widths that exist by
    /// construction below it (the standard widths under it, then itself); empty for any other address.
    /// </summary>
    public static string Srcset(string url)
    {
        var match = WebpFile().Match(url);
        if (!match.Success || !int.TryParse(match.Groups["width"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var largest))
        {
            return string.Empty;
        }

        var prefix = match.Groups["prefix"].Value;
        var widths = ImageProcessor.StandardWidths.Where(w => w < largest).Append(largest);
        return string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{prefix}{MediaFileNames.Webp(w)} {w}w")));
    }

    [GeneratedRegex(@"^(?<prefix>(?:https?://[^/\s""]+)?(?:/[a-z0-9-]+)?/medias/(?<id>[0-9a-f]{32})/)w(?<width>[1-9][0-9]{0,4})\.webp$", RegexOptions.CultureInvariant)]
    private static partial Regex WebpFile();

    [GeneratedRegex(@"/medias/(?<id>[0-9a-f]{32})/w[1-9][0-9]{0,4}\.(?:webp|jpg|png)(?:$|[?#])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyFile();
}
