using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Municipal.Web.Tests.Media;

/// <summary>Images made by the tests themselves: real ones drawn with SkiaSharp, and crafted hostile ones.</summary>
public static class TestImages
{
    /// <summary>A PNG of the given size, opaque or with a transparent half.</summary>
    public static byte[] Png(int width, int height, bool transparent = false)
    {
        using var bitmap = Draw(width, height, transparent);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = Draw(width, height, transparent: false);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an APP1 "Exif" segment right after SOI, carrying a recognisable marker (as a camera's GPS or maker note would).</summary>
    public static byte[] JpegWithExif(int width, int height, string marker)
    {
        var jpeg = Jpeg(width, height);
        var payload = Encoding.ASCII.GetBytes("Exif\0\0" + marker);
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>
    /// A JPEG whose EXIF says "rotate 90° clockwise to display" (orientation 6), as phones store portrait photos:
    /// stored <paramref name="width"/> × <paramref name="height"/>, blue on its left half, red top right, white bottom right.
    /// </summary>
    public static byte[] JpegRotatedByExif(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        byte[] tiff =
        [
            .. "MM"u8, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, first IFD at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, // Orientation (SHORT) = 6
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A PNG with a tEXt chunk (author, comment) inserted after IHDR.</summary>
    public static byte[] PngWithText(int width, int height, string text)
    {
        var png = Png(width, height);
        var chunk = Chunk("tEXt", Encoding.Latin1.GetBytes("Comment\0" + text));
        const int afterIhdr = 8 + 25;
        return [.. png[..afterIhdr], .. chunk, .. png[afterIhdr..]];
    }

    /// <summary>A valid PNG header claiming <paramref name="width"/> × <paramref name="height"/>, with a few bytes of data: an image bomb.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        byte[] idat = [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01];
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    /// <summary>A 1 × 1 GIF followed by an HTML page with a script: a browser sniffing it could run the script.</summary>
    public static byte[] GifPolyglot() =>
    [
        .. "GIF89a"u8,
        0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, // 1 × 1, global colour table of 2 entries
        0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, // white, black
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // image descriptor
        0x02, 0x02, 0x44, 0x01, 0x00, // LZW: minimum code size 2; clear, index 0, end
        0x3B, // trailer
        .. "<html><body><script>alert(document.cookie)</script></body></html>"u8,
    ];

    private static SKBitmap Draw(int width, int height, bool transparent)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
        using var paint = new SKPaint { Color = new SKColor(0x00, 0x5E, 0xA8) };
        canvas.DrawRect(0, 0, width / 2f, height, paint);
        if (!transparent)
        {
            paint.Color = new SKColor(0xE0, 0x30, 0x20);
            canvas.DrawRect(width / 2f, 0, width / 2f, height / 2f, paint);
        }

        return bitmap;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        var crc = Crc32Of([.. typeBytes, .. data]);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), crc);
        return chunk;
    }

    /// <summary>The CRC-32 of PNG chunks (polynomial 0xEDB88320), bit by bit: a few hundred bytes, no table needed.</summary>
    private static uint Crc32Of(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
