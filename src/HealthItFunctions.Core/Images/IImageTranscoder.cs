namespace HealthItFunctions.Core.Images;

/// <summary>A picture ready for every renderer: PNG or JPEG, at most <see cref="ImageLimits.PageWidthPixels"/> wide.</summary>
/// <param name="Note">What was done to it ("webp → png", "scaled from 2400 px"), or null when it is kept as fetched.</param>
public sealed record PreparedImage(byte[] Content, string ContentType, int Width, int Height, string? Note = null);

/// <summary>The outcome of preparing a picture: the picture, or why it is skipped.</summary>
public sealed record ImagePreparation(PreparedImage? Image, string? SkipReason)
{
    public static ImagePreparation Skip(string reason) => new(null, reason);

    public static ImagePreparation Ok(PreparedImage image) => new(image, null);
}

/// <summary>
/// Decodes a downloaded picture within limits, transcodes what Word cannot show (WebP, AVIF…) and scales it to the
/// page width. Never throws for bad input: a corrupt image, a decompression bomb or an SVG comes back skipped.
/// </summary>
public interface IImageTranscoder
{
    ImagePreparation Prepare(byte[] content, string? declaredContentType);
}
