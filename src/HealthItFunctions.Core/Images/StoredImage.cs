namespace HealthItFunctions.Core.Images;

/// <summary>
/// A body picture as the store keeps it: where it sits, what it shows, and either the blob holding the prepared
/// bytes or the note saying why it was skipped (too large, corrupt, SVG, over the cap…). A skipped picture keeps its
/// place in the list so that editors see what the page had.
/// </summary>
public sealed record StoredImage
{
    /// <summary>0-based order among the article's body pictures; the editor's "drop" names it.</summary>
    public required int Index { get; init; }

    /// <summary>Body paragraphs before it (see <see cref="BodyImage.Position"/>).</summary>
    public required int Position { get; init; }

    public required string SourceUrl { get; init; }

    public string? Alt { get; init; }

    public string? Caption { get; init; }

    /// <summary>Blob name in the article-images container; null when skipped.</summary>
    public string? BlobName { get; init; }

    /// <summary>image/png or image/jpeg: what Word, mail clients and browsers all show.</summary>
    public string? ContentType { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public long Bytes { get; init; }

    /// <summary>Why the picture was skipped, or what was done to it (transcoded from WebP, scaled from 3000 px).</summary>
    public string? Note { get; init; }

    public bool IsAvailable => BlobName is not null;
}
