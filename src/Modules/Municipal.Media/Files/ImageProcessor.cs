using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Municipal.Media.Files;

/// <summary>One file to write: its name under the image's folder and its bytes.</summary>
public sealed record DerivativeFile(string Name, byte[] Bytes);

/// <summary>What an accepted upload becomes: the upright size, the derivative widths and their files.</summary>
public sealed record ProcessedImage(int Width, int Height, IReadOnlyList<int> Widths, string FallbackFile, IReadOnlyList<DerivativeFile> Files);

/// <summary>The outcome of processing: an image, or the French reason it was refused.</summary>
public sealed record ImageProcessingResult(ProcessedImage? Image, string? Error);

/// <summary>
/// Turns sent bytes into the library's derivatives, or refuses them. Only pixels decoded by SkiaSharp and encoded
/// again leave this class: metadata (EXIF, GPS, comments, text chunks) and anything hidden after or around the
/// image (a polyglot's script) are dropped by construction. The header's dimensions are checked before decoding.
/// </summary>
public sealed class ImageProcessor(IOptions<MediaOptions> options) : IDisposable
{
    /// <summary>Widths of the WebP derivatives; an image narrower than one of them stops at its own width.</summary>
    public static readonly IReadOnlyList<int> StandardWidths = [320, 640, 960, 1280, 1920];

    private const int WebpQuality = 80;
    private const int JpegQuality = 85;

    // Decoding holds width × height × 4 bytes: at most two images at a time, whatever the number of uploads.
    private readonly SemaphoreSlim _gate = new(2, 2);

    public void Dispose() => _gate.Dispose();

    public async Task<ImageProcessingResult> ProcessAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (ImageHeader.Sniff(bytes) is null)
        {
            return Refused(ImageHeader.LooksLikeSvg(bytes) ? "MediaErrorSvg" : "MediaErrorType");
        }

        if (ImageHeader.Read(bytes) is not { } header)
        {
            return Refused("MediaErrorUnreadable");
        }

        if (TooLarge(header.Width, header.Height, limits))
        {
            return new ImageProcessingResult(null, MediaText.Format("MediaErrorDimensions", header.Width, header.Height, limits.MaxSide, limits.MaxPixels / 1_000_000));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Process(bytes, limits);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static ImageProcessingResult Process(byte[] bytes, MediaOptions limits)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return Refused("MediaErrorUnreadable");
        }

        // The decoder's own reading of the header must agree with the limits too (a header parsed differently).
        var info = codec.Info;
        if (TooLarge(info.Width, info.Height, limits))
        {
            return new ImageProcessingResult(null, MediaText.Format("MediaErrorDimensions", info.Width, info.Height, limits.MaxSide, limits.MaxPixels / 1_000_000));
        }

        using var decoded = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        // A truncated file (IncompleteInput) would be stored half grey: refused like any unreadable one.
        if (result != SKCodecResult.Success)
        {
            return Refused("MediaErrorUnreadable");
        }

        using var rotated = Orient(decoded, codec.EncodedOrigin);
        var upright = rotated ?? decoded;
        var transparent = info.AlphaType != SKAlphaType.Opaque && HasTransparency(upright);
        var widths = DerivativeWidths(upright.Width);
        var files = new List<DerivativeFile>();
        string fallback = MediaFileNames.Fallback(widths[^1], transparent);

        // From the largest to the smallest, each derivative scaled from the previous one (sharper than one big step).
        SKBitmap source = upright;
        var owned = new List<SKBitmap>();
        try
        {
            foreach (var width in widths.Reverse())
            {
                var scaled = ScaleTo(source, width, owned);
                files.Add(new DerivativeFile(MediaFileNames.Webp(width), Encode(scaled, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality))));
                if (width == widths[^1])
                {
                    files.Add(new DerivativeFile(fallback, transparent
                        ? Encode(scaled, new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))
                        : Encode(scaled, new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))));
                }

                source = scaled;
            }
        }
        finally
        {
            foreach (var bitmap in owned)
            {
                bitmap.Dispose();
            }
        }

        return new ImageProcessingResult(new ProcessedImage(upright.Width, upright.Height, widths, fallback, files), null);
    }

    /// <summary>320, 640, … up to the image's width; an image narrower than 1920 also keeps its own width as the largest.</summary>
    public static IReadOnlyList<int> DerivativeWidths(int width)
    {
        var widths = StandardWidths.Where(w => w <= width).ToList();
        if (width < StandardWidths[^1] && !widths.Contains(width))
        {
            widths.Add(width);
        }

        return widths;
    }

    private static bool TooLarge(int width, int height, MediaOptions limits) =>
        width > limits.MaxSide || height > limits.MaxSide || (long)width * height > limits.MaxPixels;

    private static ImageProcessingResult Refused(string key) => new(null, MediaText.Get(key));

    /// <summary>Halves while the target is less than half (box-like quality), then one last smooth step.</summary>
    private static SKBitmap ScaleTo(SKBitmap source, int width, List<SKBitmap> owned)
    {
        var current = source;
        while (current.Width != width)
        {
            var next = current.Width >= width * 2 ? current.Width / 2 : width;
            var height = Math.Max(1, (int)Math.Round((double)current.Height * next / current.Width));
            var resized = current.Resize(new SKImageInfo(next, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None))
                ?? throw new InvalidOperationException("SkiaSharp could not resize the image.");
            owned.Add(resized);
            current = resized;
        }

        return current;
    }

    private static byte[] Encode(SKBitmap bitmap, SKWebpEncoderOptions options)
    {
        using var pixmap = bitmap.PeekPixels();
        using var encoded = pixmap.Encode(options) ?? throw new InvalidOperationException("SkiaSharp could not encode the image.");
        return encoded.ToArray();
    }

    private static byte[] Encode(SKBitmap bitmap, SKJpegEncoderOptions options)
    {
        using var pixmap = bitmap.PeekPixels();
        using var encoded = pixmap.Encode(options) ?? throw new InvalidOperationException("SkiaSharp could not encode the image.");
        return encoded.ToArray();
    }

    private static byte[] Encode(SKBitmap bitmap, SKPngEncoderOptions options)
    {
        using var pixmap = bitmap.PeekPixels();
        using var encoded = pixmap.Encode(options) ?? throw new InvalidOperationException("SkiaSharp could not encode the image.");
        return encoded.ToArray();
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A copy turned upright as the EXIF orientation says (photos from phones are often stored sideways), or null when it already is.</summary>
    private static SKBitmap? Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return null;
        }

        float w = bitmap.Width;
        float h = bitmap.Height;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // x' = scaleX·x + skewX·y + transX ; y' = skewY·x + scaleY·y + transY
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,

        };
        var upright = new SKBitmap(new SKImageInfo(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return upright;
    }
}
