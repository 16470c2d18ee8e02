using System.Text;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Images;
using SkiaSharp;

namespace HealthItFunctions.Infrastructure.Images;

/// <summary>
/// SkiaSharp behind <see cref="IImageTranscoder"/>. The header is read before any pixel: a picture claiming more than
/// <see cref="ImageLimits.MaxPixels"/> is skipped unallocated. Every picture is decoded once in full, so a corrupt or
/// truncated one is caught here rather than in Word. PNG and JPEG that fit the page are kept byte for byte; the rest
/// (WebP, AVIF, GIF, BMP, anything wider than the page) are scaled and re-encoded, PNG when they carry transparency
/// or were lossless, JPEG otherwise.
/// </summary>
internal sealed partial class SkiaImageTranscoder : IImageTranscoder
{
    private const int JpegQuality = 85;

    public ImagePreparation Prepare(byte[] content, string? declaredContentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return ImagePreparation.Skip("empty response, no picture");
        }

        if (IsSvg(content, declaredContentType))
        {
            return ImagePreparation.Skip(ContainsScript(content)
                ? "SVG with script: vector pictures can run code and are never embedded"
                : "SVG: vector pictures can carry script and are not embedded");
        }

        try
        {
            return Decode(content, declaredContentType);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or OutOfMemoryException)
        {
            return ImagePreparation.Skip($"does not decode ({e.GetType().Name}: {e.Message})");
        }
    }

    private static ImagePreparation Decode(byte[] content, string? declaredContentType)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return ImagePreparation.Skip($"corrupt or of an unknown format ({declaredContentType ?? "no content type"}, {content.Length} bytes)");
        }

        var info = codec.Info;
        var format = codec.EncodedFormat;
        if (info.Width <= 0 || info.Height <= 0)
        {
            return ImagePreparation.Skip($"{format} header states no size");
        }

        if ((long)info.Width * info.Height > ImageLimits.MaxPixels || info.Width > ImageLimits.MaxSide || info.Height > ImageLimits.MaxSide)
        {
            return ImagePreparation.Skip(
                $"{format} claims {info.Width}×{info.Height} pixels from {content.Length} bytes, over the cap of {ImageLimits.MaxPixels / 1_000_000} megapixels " +
                $"and {ImageLimits.MaxSide} px a side (a decompression bomb, or a poster no bulletin needs)");
        }

        var target = TargetSize(info.Width, info.Height);
        var decodeSize = info.Size;
        if (target.Width < info.Width && codec.GetScaledDimensions((float)target.Width / info.Width) is { } scaled && scaled.Width >= target.Width)
        {
            // JPEG decodes at 1/2, 1/4, 1/8 for free: a 4000 px photo never needs its full-size bitmap.
            decodeSize = scaled;
        }

        var alpha = info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, alpha);
        using var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return ImagePreparation.Skip($"{format} {info.Width}×{info.Height} does not decode: {result} (corrupt or cut off)");
        }

        var upright = codec.EncodedOrigin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default;
        if (format is SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg && target.Width == info.Width && upright)
        {
            return ImagePreparation.Ok(new PreparedImage(content, MimeOf(format), info.Width, info.Height));
        }

        using var sized = decodeSize == target ? null : bitmap.Resize(new SKImageInfo(target.Width, target.Height, SKColorType.Rgba8888, alpha), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var oriented = Orient(sized ?? bitmap, codec.EncodedOrigin);
        var final = oriented ?? sized ?? bitmap;
        var lossless = alpha != SKAlphaType.Opaque || format is SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Bmp or SKEncodedImageFormat.Wbmp;
        var outputFormat = lossless ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        using var encoded = final.Encode(outputFormat, JpegQuality);
        if (encoded is null)
        {
            return ImagePreparation.Skip($"{format} decoded but could not be re-encoded as {outputFormat}");
        }

        var notes = new List<string>();
        if (format != outputFormat)
        {
            notes.Add($"{format.ToString().ToLowerInvariant()} → {outputFormat.ToString().ToLowerInvariant()}");
        }

        if (target.Width != info.Width)
        {
            notes.Add($"scaled from {info.Width}×{info.Height}");
        }

        if (!upright)
        {
            notes.Add($"turned upright ({codec.EncodedOrigin})");
        }

        return ImagePreparation.Ok(new PreparedImage(encoded.ToArray(), MimeOf(outputFormat), final.Width, final.Height, notes.Count == 0 ? null : string.Join(", ", notes)));
    }

    private static SKSizeI TargetSize(int width, int height) => width <= ImageLimits.PageWidthPixels
        ? new SKSizeI(width, height)
        : new SKSizeI(ImageLimits.PageWidthPixels, Math.Max(1, (int)Math.Round((double)height * ImageLimits.PageWidthPixels / width)));

    /// <summary>Phones store photos sideways with an EXIF origin; Word and some mail clients ignore it, so the pixels are turned.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return null;
        }

        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swaps ? source.Height : source.Width, swaps ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        var (w, h) = (source.Width, source.Height);
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
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }

    private static string MimeOf(SKEncodedImageFormat format) => format == SKEncodedImageFormat.Png ? "image/png" : "image/jpeg";

    /// <summary>By content, not only the declared type: servers send SVG as text/xml, octet-stream or image/png.</summary>
    private static bool IsSvg(byte[] content, string? declaredContentType)
    {
        if (declaredContentType?.Contains("svg", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        var head = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 2048)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A script element or an event handler attribute (onload=…): said in the note, for whoever reads the log.</summary>
    private static bool ContainsScript(byte[] content) =>
        ScriptMarkup().IsMatch(Encoding.UTF8.GetString(content));

    [GeneratedRegex(@"<script|\son[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptMarkup();
}
