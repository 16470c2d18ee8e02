using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Images;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Core.Urls;
using Microsoft.Extensions.Logging;
using HealthItFunctions.Core.Telemetry;

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

/// <summary>
/// A fetch that may succeed later (a failed request, or an anti-bot wall instead of the page): thrown so the queue
/// retries the message after its visibility timeout, and poisons it after maxDequeueCount, where
/// <see cref="ArticleIngestor.RecordPoisonedAsync"/> records it for the source's health.
/// </summary>
public sealed class TransientFetchException(string message) : Exception(message);

/// <summary>
/// ProcessArticle: fetch → decode and extract → relevance → pictures → claim the month → store once → cluster → index.
/// Every step is safe to repeat, because the queue delivers at least once; the index says "stored" last, so a crash
/// anywhere leaves the link unknown and the next delivery completes the work (the insert meets 409 and the cluster step
/// runs again), in the month the first delivery claimed.
/// </summary>
/// <remarks>
/// Races: two deliveries of one message may both miss the index, both fetch and both insert; the insert-if-absent
/// (409) keeps one and the other reports Duplicate. Two different copies of one story stored at once are reconciled by
/// <see cref="ClusterPlanner"/> from a read made after each insert. Costs (requests): duplicate 1; new article 6
/// (index read, month claim, insert, one fingerprint query for each of two months, index write) plus one per picture;
/// reprint 7 (+ the re-point).
/// </remarks>
public sealed class ArticleIngestor(
    IPageFetcher fetcher,
    ArticleReader reader,
    RelevanceScorer relevance,
    NearDuplicateDetector reprints,
    IArticleStore store,
    IFetchFailureLog failures,
    ISourceCatalog catalog,
    MessageIntake intake,
    ArticleImageCollector images,
    TimeProvider time,
    ILogger<ArticleIngestor> logger)
{
    private readonly ClusterPlanner _clusters = new(reprints, catalog);

    public async Task<IngestResult?> HandleAsync(string rawMessage, CancellationToken cancellationToken)
    {
        return await intake.AcceptAsync<ArticleFetchMessage>(rawMessage, cancellationToken) is { } message
            ? await IngestAsync(message, cancellationToken)
            : null;
    }

    /// <summary>
    /// A message every delivery of which failed, read from the poison queue: whatever made it fail (a fetch that kept
    /// failing, an anti-bot wall that never lifted, a row the table refuses), it is recorded for the source's health
    /// and the link is marked failed, so polls stop offering it and it cannot loop. A message the intake parked there
    /// (malformed, with its reason beside it) names no link; it is logged in full.
    /// </summary>
    /// <returns>The failure recorded, or null when the message names no link.</returns>
    public async Task<FetchFailure?> RecordPoisonedAsync(string rawMessage, CancellationToken cancellationToken)
    {
        if (!QueueMessageCodec.TryDecode<ArticleFetchMessage>(rawMessage, out var message, out var problem))
        {
            logger.LogError("Poisoned article message names no link ({Problem}); dropped from poison: {Message}", problem,
                rawMessage.Length > 2000 ? rawMessage[..2000] + "…" : rawMessage);
            return null;
        }

        var id = ArticleId.From(new Uri(message.CanonicalUrl));
        // Attempts 0: how many deliveries it took is the host's maxDequeueCount, which no code here needs to know.
        var failure = new FetchFailure(message.SourceId, id, message.Url, 0,
            "every delivery failed (see the function's log for each attempt's error); the message went to poison", time.GetUtcNow());
        logger.LogWarning("Giving up on {Url} ({Source}): {Reason}", message.Url, message.SourceId, failure.Reason);
        await failures.RecordAsync(failure, cancellationToken);
        return failure;
    }

    public async Task<IngestResult> IngestAsync(ArticleFetchMessage message, CancellationToken cancellationToken)
    {
        using var activity = HealthItTelemetry.StartContinued("ingest article", message.Traceparent);
        activity?.SetTag("healthit.source", message.SourceId);
        var id = ArticleId.From(new Uri(message.CanonicalUrl));
        var rule = (catalog.Find(message.SourceId) ?? catalog.Current.Match(new Uri(message.Url)))?.Canonical;
        // A short link's own id is only remembered to stop polls offering it again; an editor adding it still gets the article.
        var shortForm = ShortLinks.IsShortForm(new Uri(message.Url), rule);
        if (!shortForm && await store.GetStateAsync(id, cancellationToken) is LinkState.Stored or LinkState.Dropped)
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

        string? shortId = null;
        if (shortForm && Resolve(message, page, rule!) is { } resolved && resolved.Id != id)
        {
            // One story under its long id, whichever link led here; the short id becomes an alias once the story is stored.
            (shortId, id, message) = (id, resolved.Id, message with { CanonicalUrl = resolved.Canonical.AbsoluteUri });
            if (await store.GetStateAsync(id, cancellationToken) is LinkState.Stored or LinkState.Dropped)
            {
                await store.RecordDroppedAsync(shortId, message.Url, $"short link of {message.CanonicalUrl}", cancellationToken);
                return new IngestResult(IngestOutcome.Duplicate, id);
            }
        }

        var extraction = reader.Read(page.Body, page.ContentType, page.FinalUrl, page.FetchedAt);
        if (extraction.Reason == NotArticleReason.Blocked)
        {
            // A wall stands in front of the page, not instead of it: dropping the link would lose the article for good.
            throw new TransientFetchException($"{message.Url}: blocked ({extraction.Detail})");
        }

        if (extraction.Article is not { } extracted)
        {
            return await DroppedAsync(id, message.Url, $"not an article: {extraction.Reason} ({extraction.Detail})", cancellationToken);
        }

        var article = Build(id, message, page, extracted);
        article = article with { Images = await CollectImagesAsync(article, extracted, cancellationToken) };
        // The index names the row's month before the row exists, so a retry that reads another date reuses it.
        article = article with { Month = await store.ClaimMonthAsync(id, article.Month, cancellationToken) };
        var outcome = await store.AddAsync(article, cancellationToken);
        // Also after a 409: the run that inserted may have died before clustering or indexing.
        var clusterId = await ClusterAsync(article, cancellationToken);
        await store.MarkStoredAsync(id, article.Month, cancellationToken);
        if (shortId is not null)
        {
            await store.RecordDroppedAsync(shortId, message.Url, $"short link of {message.CanonicalUrl}", cancellationToken);
        }
        if (outcome == AddOutcome.AlreadyPresent)
        {
            return new IngestResult(IngestOutcome.Duplicate, id, article.Title);
        }

        var isReprint = clusterId != id;
        HealthItTelemetry.ArticlesStored.Add(1, new KeyValuePair<string, object?>("reprint", isReprint));
        logger.LogInformation("Stored {ArticleId} {Title} ({Band}, score {Score:F2}{Reprint})",
            id, article.Title, article.Band, article.Score, isReprint ? ", reprint of " + clusterId : "");
        return new IngestResult(isReprint ? IngestOutcome.StoredAsReprint : IngestOutcome.Stored, id, article.Title, article.Band);
    }

    private static (Uri Canonical, string Id)? Resolve(ArticleFetchMessage message, FetchedPage page, CanonicalUrlRule rule)
    {
        var html = Text.HtmlDecoder.Decode(page.Body, page.ContentType).Text;
        if (ShortLinks.Resolve(new Uri(message.Url), page.FinalUrl, html, rule) is not { } longUrl)
        {
            return null;
        }

        var canonical = UrlCanonicalizer.Canonicalize(longUrl, rule);
        return (canonical, ArticleId.From(canonical));
    }

    private StoredArticle Build(string id, ArticleFetchMessage message, FetchedPage page, ExtractedArticle extracted)
    {
        // A page that states only its month ("2021年8月号") says less than the list that linked it: the list's day wins.
        var pageTime = extracted.PublishTime is { Precision: TimePrecision.Month } && message.ListDate is not null ? null : extracted.PublishTime;
        var publishedAt = pageTime?.Value ?? message.ListDate;
        var month = BulletinMonth.BeijingMonthOf(publishedAt ?? message.DiscoveredAt);
        var assessment = relevance.Score(extracted.Title, extracted.Content);
        var signature = reprints.Signature(extracted.Title, extracted.Content);
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
            PublishPrecision = pageTime?.Precision.ToString() ?? (publishedAt is null ? null : "List"),
            Paragraphs = extracted.Paragraphs,
            DiscoveredAt = message.DiscoveredAt,
            FetchedAt = page.FetchedAt,
            Score = assessment.Score,
            Band = assessment.Band,
            MatchedTerms = assessment.Terms.Select(t => $"{t.Axis}:{t.Term}@{t.Where.ToString().ToLowerInvariant()}×{t.Count}").ToList(),
            Fingerprint = signature?.Fingerprint ?? 0,
            Fingerprint2 = signature?.Fingerprint2 ?? 0,
            Shingles = signature?.Shingles ?? 0,
            Sketch = signature?.SketchText,
            // Stored as its own primary; ClusterAsync re-points it when an earlier or better copy is already stored.
            ClusterId = id,
        };
    }

    /// <summary>
    /// Pictures of the articles a bulletin may show. An excluded article's are listed, not fetched: most stored
    /// articles are off-topic, and their pictures would cost a request and a blob each for nothing.
    /// </summary>
    private async Task<IReadOnlyList<StoredImage>> CollectImagesAsync(StoredArticle article, ExtractedArticle extracted, CancellationToken cancellationToken)
    {
        if (article.Band != RelevanceBand.Exclude)
        {
            return await images.CollectAsync(article.Id, extracted.Images, cancellationToken);
        }

        return extracted.Images
            .Select((image, i) => new StoredImage
            {
                Index = i, Position = image.Position, SourceUrl = image.Url, Alt = image.Alt, Caption = image.Caption,
                Note = "not fetched: the article scored Exclude",
            })
            .ToList();
    }

    /// <summary>
    /// Joins the story's cluster among this month's and the previous month's articles (a reprint follows its original
    /// within weeks), read after the insert so that a concurrent copy is seen by at least one of the two.
    /// </summary>
    private async Task<string> ClusterAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        if (article.Fingerprint == 0)
        {
            return article.Id;
        }

        var window = await store.ListFingerprintsAsync([article.Month, article.Month.Previous], cancellationToken);
        // After a 409 the stored row is the truth (it may already have been re-pointed).
        var self = window.FirstOrDefault(c => c.Id == article.Id)
            ?? new ArticleFingerprint(article.Id, article.Month, article.ClusterId, article.PublishedAt, article.Fingerprint, article.SourceId, Media: article.Media,
                Fingerprint2: article.Fingerprint2, Sketch: article.Sketch, Shingles: article.Shingles);
        var plan = _clusters.Plan(self, window);
        if (plan.Repoint.Count > 0)
        {
            await store.SetClusterAsync(plan.Repoint, plan.ClusterId, cancellationToken);
            if (plan.Repoint.Any(m => m.Id != article.Id))
            {
                logger.LogInformation("Cluster {Cluster}: re-pointed {Members} to the new primary", plan.ClusterId, string.Join(", ", plan.Repoint.Select(m => m.Id)));
            }
        }

        return plan.ClusterId;
    }

    private async Task<IngestResult> DroppedAsync(string id, string url, string reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("Dropped {Url}: {Reason}", url, reason);
        await store.RecordDroppedAsync(id, url, reason, cancellationToken);
        return new IngestResult(IngestOutcome.Dropped, id, Reason: reason);
    }
}
