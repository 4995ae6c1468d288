using System.Buffers.Binary;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Municipal.Bench.Media;

/// <summary>One file to upload: a label for the table, its name and its bytes.</summary>
internal sealed record TestImage(string Label, string FileName, byte[] Bytes, int Width, int Height);

/// <summary>
/// Generated inputs. Photographs do not compress to nothing: the pixels are gradients, slow waves and per-pixel
/// noise (a fixed-seed hash, so every run uploads the same bytes), which gives JPEG sizes close to a phone's.
/// </summary>
internal static class TestImages
{
    public static TestImage PhotoJpeg(string label, int width, int height, int quality) =>
        new(label, $"photo-{width}x{height}.jpg", Encode(width, height, transparent: false, quality), width, height);

    public static TestImage TransparentPng(string label, int width, int height) =>
        new(label, $"logo-{width}x{height}.png", Encode(width, height, transparent: true, quality: 0), width, height);

    /// <summary>A valid PNG signature and IHDR chunk claiming <paramref name="side"/> × <paramref name="side"/>, then a tiny IDAT and IEND: a few dozen bytes.</summary>
    public static TestImage PngBomb(int side)
    {
        var file = new List<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)side);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)side);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        Chunk(file, "IHDR", ihdr);
        Chunk(file, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(file, "IEND", []);
        return new TestImage($"PNG bomb header {side}x{side}", "bombe.png", [.. file], side, side);
    }

    /// <summary>The start of a real JPEG followed by filler up to <paramref name="bytes"/>: refused by its size before any look at its content.</summary>
    public static TestImage Oversized(TestImage photo, int bytes)
    {
        var data = new byte[bytes];
        photo.Bytes.AsSpan(0, Math.Min(photo.Bytes.Length, bytes)).CopyTo(data);
        return new TestImage($"{bytes / 1_000_000} MB file (limit 10 MiB)", "trop-grand.jpg", data, photo.Width, photo.Height);
    }

    private static byte[] Encode(int width, int height, bool transparent, int quality)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var row = new byte[info.RowBytes];
        var waveX = Enumerable.Range(0, width).Select(x => Math.Sin(x * 12.0 / width) * 40 + Math.Sin(x / 37.0) * 10).ToArray();
        var waveY = Enumerable.Range(0, height).Select(y => Math.Cos(y * 9.0 / height) * 40 + Math.Sin(y / 23.0) * 10).ToArray();
        var pixels = bitmap.GetPixels();
        uint state = 0x9E3779B9;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = x * 4;
                var wave = waveX[x] + waveY[y];
                row[i] = Channel(60 + 120.0 * x / width + wave, ref state);
                row[i + 1] = Channel(80 + 100.0 * y / height + wave * 0.7, ref state);
                row[i + 2] = Channel(140 - 80.0 * x / width - wave * 0.5, ref state);
                // Transparent corners fading into an opaque middle, as a logo on no background.
                row[i + 3] = transparent ? (byte)Math.Clamp(255 - (int)(Math.Abs(x - width / 2.0) + Math.Abs(y - height / 2.0)) * 255 / width, 0, 255) : (byte)255;
            }

            Marshal.Copy(row, 0, pixels + (nint)y * info.RowBytes, row.Length);
        }

        using var pixmap = bitmap.PeekPixels();
        using var data = transparent
            ? pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))
            : pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return data?.ToArray() ?? throw new InvalidOperationException("SkiaSharp could not encode the generated image.");
    }

    /// <summary>The value plus noise of ±16 (xorshift32), clamped to a byte.</summary>
    private static byte Channel(double value, ref uint state)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return (byte)Math.Clamp((int)value + (int)(state % 33) - 16, 0, 255);
    }

    private static void Chunk(List<byte> file, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        file.AddRange(header);
        file.AddRange(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. header.AsSpan(4).ToArray(), .. data]));
        file.AddRange(crc);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309), bit by bit: a few dozen bytes only.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
