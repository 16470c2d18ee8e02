using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Core.Urls;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Core.Articles;

public enum IngestOutcome
{
    Stored,
    StoredAsReprint,

    /// <summary>Already stored: a second delivery, or a link two polls found.</summary>
    Duplicate,

    /// <summary>Fetched but not kept: refused by politeness or the SSRF guard, or not an article.</summary>
    Dropped,
}

public sealed record IngestResult(IngestOutcome Outcome, string ArticleId, string? Title = null, RelevanceBand? Band = null, string? Reason = null);

/// <summary>A fetch that may succeed later: thrown so the queue retries the message, and poisons it after maxDequeueCount.</summary>
public sealed class TransientFetchException(string message) : Exception(message);

/// <summary>
/// ProcessArticle: fetch → decode and extract → relevance → reprint check → store once. Every step is safe to
/// repeat, because the queue delivers at least once.
/// </summary>
public sealed class ArticleIngestor(
    IPageFetcher fetcher,
    ArticleReader reader,
    RelevanceScorer relevance,
    NearDuplicateDetector reprints,
    IArticleStore store,
    ISourceCatalog catalog,
    MessageIntake intake,
    ILogger<ArticleIngestor> logger)
{
    public async Task<IngestResult?> HandleAsync(string rawMessage, CancellationToken cancellationToken)
    {
        return await intake.AcceptAsync<ArticleFetchMessage>(rawMessage, cancellationToken) is { } message
            ? await IngestAsync(message, cancellationToken)
            : null;
    }

    public async Task<IngestResult> IngestAsync(ArticleFetchMessage message, CancellationToken cancellationToken)
    {
        var id = ArticleId.From(new Uri(message.CanonicalUrl));
        if (await store.IsKnownAsync(id, cancellationToken))
        {
            return new IngestResult(IngestOutcome.Duplicate, id);
        }

        var page = await fetcher.FetchAsync(new FetchRequest(new Uri(message.Url)), cancellationToken);
        switch (page.Outcome)
        {
            case FetchOutcome.Failed:
                throw new TransientFetchException($"{message.Url}: {page.StatusCode} {page.Reason}");
            case FetchOutcome.Refused or FetchOutcome.NotModified:
                return await DroppedAsync(id, message.Url, page.Reason ?? page.Outcome.ToString(), cancellationToken);
        }

        var extraction = reader.Read(page.Body, page.ContentType, page.FinalUrl, page.FetchedAt);
        if (extraction.Article is not { } extracted)
        {
            return await DroppedAsync(id, message.Url, $"not an article: {extraction.Reason} ({extraction.Detail})", cancellationToken);
        }

        var article = await BuildAsync(id, message, page, extracted, cancellationToken);
        var outcome = await store.AddAsync(article, cancellationToken);
        if (outcome == AddOutcome.AlreadyPresent)
        {
            return new IngestResult(IngestOutcome.Duplicate, id, article.Title);
        }

        logger.LogInformation("Stored {ArticleId} {Title} ({Band}, score {Score:F2}{Reprint})",
            id, article.Title, article.Band, article.Score, article.IsReprint ? ", reprint of " + article.ClusterId : "");
        return new IngestResult(article.IsReprint ? IngestOutcome.StoredAsReprint : IngestOutcome.Stored, id, article.Title, article.Band);
    }

    private async Task<StoredArticle> BuildAsync(string id, ArticleFetchMessage message, FetchedPage page, ExtractedArticle extracted, CancellationToken cancellationToken)
    {
        var publishedAt = extracted.PublishTime?.Value ?? message.ListDate;
        var month = BulletinMonth.BeijingMonthOf(publishedAt ?? message.DiscoveredAt);
        var assessment = relevance.Score(extracted.Title, extracted.Content);
        var fingerprint = reprints.Fingerprint(extracted.Title, extracted.Content);
        var primary = fingerprint is { } print ? await FindPrimaryAsync(month, print, cancellationToken) : null;
        return new StoredArticle
        {
            Id = id,
            Month = month,
            SourceId = message.SourceId,
            Url = message.Url,
            CanonicalUrl = message.CanonicalUrl,
            Title = extracted.Title,
            Media = extracted.Publisher ?? catalog.Find(message.SourceId)?.Media ?? page.FinalUrl.Host,
            PublishedAt = publishedAt,
            PublishPrecision = extracted.PublishTime?.Precision.ToString(),
            Paragraphs = extracted.Paragraphs,
            DiscoveredAt = message.DiscoveredAt,
            FetchedAt = page.FetchedAt,
            Score = assessment.Score,
            Band = assessment.Band,
            MatchedTerms = assessment.Terms.Select(t => $"{t.Axis}:{t.Term}@{t.Where.ToString().ToLowerInvariant()}×{t.Count}").ToList(),
            Fingerprint = fingerprint ?? 0,
            ClusterId = primary ?? id,
        };
    }

    /// <summary>
    /// The cluster this story already belongs to, among this month's and the previous month's articles (a reprint
    /// follows its original within weeks). The first stored stays primary, so a cluster never has to be rewritten.
    /// </summary>
    private async Task<string?> FindPrimaryAsync(BulletinMonth month, ulong fingerprint, CancellationToken cancellationToken)
    {
        var candidates = await store.ListFingerprintsAsync([month, month.Previous], cancellationToken);
        return candidates
            .Where(c => c.Fingerprint != 0 && reprints.IsNearDuplicate(c.Fingerprint, fingerprint))
            .OrderBy(c => c.PublishedAt ?? DateTimeOffset.MaxValue)
            .Select(c => c.ClusterId)
            .FirstOrDefault();
    }

    private async Task<IngestResult> DroppedAsync(string id, string url, string reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("Dropped {Url}: {Reason}", url, reason);
        await store.RecordDroppedAsync(id, url, reason, cancellationToken);
        return new IngestResult(IngestOutcome.Dropped, id, Reason: reason);
    }
}
