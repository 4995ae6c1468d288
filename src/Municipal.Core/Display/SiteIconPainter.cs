using System.Buffers.Binary;
using System.IO.Compression;

namespace Municipal.Core.Display;

/// <summary>
/// The site's icon, drawn here (no image file, no library): a white town hall (pediment, three columns, steps) on a
/// square of the municipality's colour, on a 64-unit grid. The same shapes make the SVG favicon and the PNG and ICO
/// images (4 × 4 samples a pixel smooth their edges).
/// </summary>
public static class SiteIconPainter
{
    private const double Grid = 64;
    private const double Corner = 12;
    private const int Samples = 4;

    private static readonly (double X0, double Y0, double X1, double Y1)[] Blocks =
    [
        (14, 27, 50, 31),   // entablature
        (18, 33, 24, 46),   // columns
        (29, 33, 35, 46),
        (40, 33, 46, 46),
        (14, 46, 50, 49),   // step
        (11, 49, 53, 53),   // base
    ];

    // The pediment: a triangle from (11, 26) up to (32, 12) and down to (53, 26).
    private const double RoofLeft = 11, RoofRight = 53, RoofTop = 12, RoofBottom = 26, RoofPeak = 32;

    /// <summary>The icon as SVG, <paramref name="color"/> a checked "#rrggbb".</summary>
    public static string Svg(string color)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Grid} {Grid}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Grid}\" height=\"{Grid}\" rx=\"{Corner}\" fill=\"{color}\"/><g fill=\"#fff\">");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{RoofLeft} {RoofBottom}L{RoofPeak} {RoofTop}L{RoofRight} {RoofBottom}Z\"/>");
        foreach (var (x0, y0, x1, y1) in Blocks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0}\" y=\"{y0}\" width=\"{x1 - x0}\" height=\"{y1 - y0}\"/>");
        }

        return svg.Append("</g></svg>\n").ToString();
    }

    /// <summary>
    /// The icon as a PNG of <paramref name="size"/> pixels a side; <paramref name="rounded"/> leaves the corners
    /// transparent (a phone's home screen rounds a touch icon itself and wants it square and opaque).
    /// </summary>
    public static byte[] Png(string color, int size, bool rounded)
    {
        var (r, g, b) = Rgb(color);
        var rows = new byte[size * (1 + (size * 4))];
        var scale = Grid / size;
        for (var y = 0; y < size; y++)
        {
            var row = y * (1 + (size * 4));
            rows[row] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                var (inside, white) = Coverage(x, y, scale, rounded);
                var offset = row + 1 + (x * 4);

                // Colour where the square is, white where the building is; alpha is the square's coverage.
                var w = inside == 0 ? 0 : white / inside;
                rows[offset] = (byte)Math.Round(r + ((255 - r) * w));
                rows[offset + 1] = (byte)Math.Round(g + ((255 - g) * w));
                rows[offset + 2] = (byte)Math.Round(b + ((255 - b) * w));
                rows[offset + 3] = (byte)Math.Round(255 * inside);
            }
        }

        return EncodePng(size, rows);
    }

    /// <summary>An ICO file holding the icon as PNG images (every browser since 2010 reads PNG inside ICO).</summary>
    public static byte[] Ico(string color, params int[] sizes)
    {
        var images = sizes.Select(s => Png(color, s, rounded: true)).ToArray();
        using var ico = new MemoryStream();
        using var writer = new BinaryWriter(ico);
        writer.Write((ushort)0);
        writer.Write((ushort)1);
        writer.Write((ushort)images.Length);
        var offset = 6 + (16 * images.Length);
        for (var i = 0; i < images.Length; i++)
        {
            writer.Write((byte)(sizes[i] >= 256 ? 0 : sizes[i]));
            writer.Write((byte)(sizes[i] >= 256 ? 0 : sizes[i]));
            writer.Write((byte)0);
            writer.Write((byte)0);
            writer.Write((ushort)1);
            writer.Write((ushort)32);
            writer.Write(images[i].Length);
            writer.Write(offset);
            offset += images[i].Length;
        }

        foreach (var image in images)
        {
            writer.Write(image);
        }

        writer.Flush();
        return ico.ToArray();
    }

    /// <summary>How much of the pixel the square covers, and how much of it the white building covers (0 to 1 each).</summary>
    private static (double Inside, double White) Coverage(int px, int py, double scale, bool rounded)
    {
        int inside = 0, white = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                var x = (px + ((sx + 0.5) / Samples)) * scale;
                var y = (py + ((sy + 0.5) / Samples)) * scale;
                if (rounded && !InRoundedSquare(x, y))
                {
                    continue;
                }

                inside++;
                if (InBuilding(x, y))
                {
                    white++;
                }
            }
        }

        const double All = Samples * Samples;
        return (inside / All, white / All);
    }

    private static bool InRoundedSquare(double x, double y)
    {
        var cx = Math.Clamp(x, Corner, Grid - Corner);
        var cy = Math.Clamp(y, Corner, Grid - Corner);
        return ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= Corner * Corner;
    }

    private static bool InBuilding(double x, double y)
    {
        if (Blocks.Any(r => x >= r.X0 && x < r.X1 && y >= r.Y0 && y < r.Y1))
        {
            return true;
        }

        if (y < RoofTop || y >= RoofBottom)
        {
            return false;
        }

        // Between the two slopes of the pediment.
        var half = (RoofRight - RoofLeft) / 2 * (y - RoofTop) / (RoofBottom - RoofTop);
        return Math.Abs(x - RoofPeak) <= half;
    }

    private static (int R, int G, int B) Rgb(string color) =>
        (Convert.ToInt32(color[1..3], 16), Convert.ToInt32(color[3..5], 16), Convert.ToInt32(color[5..7], 16));

    private static byte[] EncodePng(int size, byte[] rows)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(rows);
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reversed polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
