using System.Security.Cryptography;
using HealthItFunctions.Core.Fetching;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Core.Images;

/// <summary>
/// The ingest step for an article's body pictures: each one (up to <see cref="ImageLimits.MaxPerArticle"/>) through
/// the same polite, SSRF-guarded fetcher as pages, prepared by <see cref="IImageTranscoder"/>, written once to
/// <see cref="IArticleImageStore"/>. A picture that cannot be had is kept in the list with a note and never fails the
/// article; only cancellation escapes. Cost per picture: one HTTP request, one storage write.
/// </summary>
public sealed class ArticleImageCollector(
    IPageFetcher fetcher,
    IImageTranscoder transcoder,
    IArticleImageStore store,
    ILogger<ArticleImageCollector> logger)
{
    public async Task<IReadOnlyList<StoredImage>> CollectAsync(string articleId, IReadOnlyList<BodyImage> images, CancellationToken cancellationToken)
    {
        var stored = new List<StoredImage>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var entry = new StoredImage { Index = i, Position = image.Position, SourceUrl = image.Url, Alt = image.Alt, Caption = image.Caption };
            stored.Add(i < ImageLimits.MaxPerArticle
                ? await CollectOneAsync(articleId, entry, cancellationToken)
                : entry with { Note = $"not fetched: over the cap of {ImageLimits.MaxPerArticle} pictures per article" });
        }

        foreach (var skipped in stored.Where(s => !s.IsAvailable))
        {
            logger.LogInformation("Article {ArticleId} picture {Index} skipped: {Note} ({Url})", articleId, skipped.Index, skipped.Note, skipped.SourceUrl);
        }

        return stored;
    }

    /// <summary>A blob name from the article, the index and the bytes: a redelivery writes the same name, a changed picture another.</summary>
    public static string BlobNameOf(string articleId, int index, byte[] content, string contentType) =>
        $"{articleId}/{index:D2}-{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 6))}.{(contentType == "image/png" ? "png" : "jpg")}";

    private async Task<StoredImage> CollectOneAsync(string articleId, StoredImage entry, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(entry.SourceUrl, UriKind.Absolute, out var url))
        {
            return entry with { Note = "not fetched: the address is not absolute" };
        }

        var fetched = await fetcher.FetchAsync(new FetchRequest(url, Kind: FetchKind.Image), cancellationToken);
        if (!fetched.IsOk)
        {
            return entry with { Note = $"not fetched: {fetched.Reason ?? fetched.Outcome.ToString()}" };
        }

        var prepared = transcoder.Prepare(fetched.Body, fetched.ContentType);
        if (prepared.Image is not { } image)
        {
            return entry with { Note = $"skipped: {prepared.SkipReason}" };
        }

        var name = BlobNameOf(articleId, entry.Index, image.Content, image.ContentType);
        await store.PutAsync(name, image.Content, image.ContentType, cancellationToken);
        return entry with
        {
            BlobName = name,
            ContentType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            Bytes = image.Content.Length,
            Note = image.Note,
        };
    }
}
