using System.Buffers.Binary;
using System.Text;

namespace Municipal.Media.Files;

/// <summary>The formats the library takes, told by their first bytes (never by the file's name or Content-Type).</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Gif,
    WebP,
}

/// <summary>What the first bytes of a file say: its format and the dimensions its header claims.</summary>
public sealed record ImageHeaderInfo(ImageFormat Format, int Width, int Height);

/// <summary>
/// Reads the format and the claimed dimensions from the header alone, before any decoder sees the pixels: an
/// image bomb (a few bytes claiming 50000 × 50000) is refused here, without allocating anything.
/// </summary>
public static class ImageHeader
{
    /// <summary>True for text that looks like SVG (or any XML): refused with its own explanation.</summary>
    public static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The format by its signature, or null when it is none of the four.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (b.Length >= 6 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8)))
        {
            return ImageFormat.Gif;
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        return null;
    }

    /// <summary>The format and claimed dimensions, or null when the signature is unknown or the header unreadable.</summary>
    public static ImageHeaderInfo? Read(ReadOnlySpan<byte> bytes) => Sniff(bytes) switch
    {
        ImageFormat.Png => Png(bytes),
        ImageFormat.Gif => Gif(bytes),
        ImageFormat.Jpeg => Jpeg(bytes),
        ImageFormat.WebP => WebP(bytes),
        _ => null,
    };

    private static ImageHeaderInfo? Png(ReadOnlySpan<byte> b)
    {
        // Signature, then the IHDR chunk first: length (4), "IHDR", width and height as big-endian 32-bit.
        if (b.Length < 24 || !b[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return Dimensions(ImageFormat.Png, BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]));
    }

    private static ImageHeaderInfo? Gif(ReadOnlySpan<byte> b) =>
        b.Length < 10 ? null : Dimensions(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));

    private static ImageHeaderInfo? Jpeg(ReadOnlySpan<byte> b)
    {
        // Walk the marker segments up to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC).
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return i + 9 <= b.Length
                    ? Dimensions(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]))
                    : null;
            }

            if (length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    private static ImageHeaderInfo? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30)
        {
            return null;
        }

        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Canvas width and height minus one, 24-bit little-endian.
            var width = b[24] | (b[25] << 8) | (b[26] << 16);
            var height = b[27] | (b[28] << 8) | (b[29] << 16);
            return Dimensions(ImageFormat.WebP, (uint)width + 1, (uint)height + 1);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // After the 0x2F signature: 14 bits of width minus one, 14 bits of height minus one.
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return Dimensions(ImageFormat.WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Key frame start code 9D 01 2A, then 14-bit width and height.
            return Dimensions(ImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFFu);
        }

        return null;
    }

    private static ImageHeaderInfo? Dimensions(ImageFormat format, uint width, uint height) =>
        width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue
            ? null
            : new ImageHeaderInfo(format, (int)width, (int)height);
}
