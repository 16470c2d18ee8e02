namespace HealthItFunctions.Core.Images;

/// <summary>
/// The caps on body pictures. Fixed rather than settings: they bound what one queue execution may download and
/// decode, and the bulletin's page width does not vary by deployment.
/// </summary>
public static class ImageLimits
{
    /// <summary>Bytes per downloaded picture; a larger one is refused while it streams, not after.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Pictures per article; the rest are listed with a note and not fetched.</summary>
    public const int MaxPerArticle = 12;

    /// <summary>
    /// Decoded pixels per picture (about 160 MB of RGBA). A 2 MB PNG can claim 50 000 × 50 000 pixels: the header is
    /// read first and such a decompression bomb is skipped before any pixel is allocated.
    /// </summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Longest side a picture may claim, whatever its pixel count (a 1 × 10⁶ strip is no photo either).</summary>
    public const int MaxSide = 16_384;

    /// <summary>
    /// Width in pixels the bulletin keeps: the .docx text column is 15.6 cm (A4 less the 公文 margins), about 920 px at
    /// 150 dpi, and the mail layout is 680 px wide; anything wider is scaled down once, at ingest.
    /// </summary>
    public const int PageWidthPixels = 960;
}
