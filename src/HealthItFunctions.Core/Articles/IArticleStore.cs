using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Articles;

/// <summary>What the index says about a link.</summary>
public enum LinkState
{
    Unknown,
    Stored,

    /// <summary>Fetched and not kept (not an article, refused): not worth fetching again.</summary>
    Dropped,

    /// <summary>Every delivery failed to fetch it; polls stop offering it, but a replay from poison fetches again.</summary>
    Failed,
}

/// <summary>"Have we seen this link?" for one point read, whether it was stored, dropped or failed.</summary>
public interface IArticleIndex
{
    Task<bool> IsKnownAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>The same point read as <see cref="IsKnownAsync"/>, telling the states apart.</summary>
    Task<LinkState> GetStateAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers a link that is not worth fetching again (not an article, refused), so polls stop offering it. Never
    /// overwrites a stored link: a concurrent delivery that stored it wins.
    /// </summary>
    Task RecordDroppedAsync(string articleId, string url, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets a dropped or failed link so the next poll (or add by URL) fetches it again; a stored link is kept.
    /// Returns what the index said before.
    /// </summary>
    Task<LinkState> ForgetAsync(string articleId, CancellationToken cancellationToken);
}

public enum AddOutcome
{
    Added,

    /// <summary>The same id was already stored (a second delivery, or a race): nothing changed.</summary>
    AlreadyPresent,
}

/// <summary>A stored article's key and fingerprint, and what choosing a cluster's primary needs to read.</summary>
/// <param name="Media">The outlet the copy credits (its 来源), which may differ from the site it was found on.</param>
/// <param name="Fingerprint2">The second SimHash; 0 on rows stored before it existed.</param>
/// <param name="Sketch">The base64 MinHash sketch; null on rows stored before it existed.</param>
public sealed record ArticleFingerprint(
    string Id, BulletinMonth Month, string ClusterId, DateTimeOffset? PublishedAt, ulong Fingerprint, string? SourceId = null, EditorDecision? Decision = null,
    string? Media = null, ulong Fingerprint2 = 0, string? Sketch = null, int Shingles = 0)
{
    public Dedup.DedupSignature Signature => new(Fingerprint, Fingerprint2, Dedup.DedupSignature.ParseSketch(Sketch), Shingles);
}

public interface IArticleStore : IArticleIndex
{
    /// <summary>
    /// Records in the index, before any row is written, the month partition the article's row will live in, and returns
    /// the month to store it under: <paramref name="month"/>, or the month an earlier delivery already claimed (it may
    /// have crashed after inserting its row, and this delivery may read another date, such as 3小时前 a day later). The
    /// link stays unknown to polls until <see cref="MarkStoredAsync"/>.
    /// </summary>
    Task<BulletinMonth> ClaimMonthAsync(string articleId, BulletinMonth month, CancellationToken cancellationToken);

    /// <summary>
    /// Insert-if-absent (a large body goes to its blob first, under a name derived from the id, so a retry overwrites
    /// rather than orphans it), in the month <see cref="ClaimMonthAsync"/> returned. Does not index: call
    /// <see cref="MarkStoredAsync"/> last, so a crash before it leaves the link unknown and the retry completes the work.
    /// </summary>
    Task<AddOutcome> AddAsync(StoredArticle article, CancellationToken cancellationToken);

    /// <summary>Indexes a stored article: from now on the link is known and a delivery of it is a duplicate.</summary>
    Task MarkStoredAsync(string articleId, BulletinMonth month, CancellationToken cancellationToken);

    /// <summary>Sets the ClusterId of stored articles, one request per month partition.</summary>
    Task SetClusterAsync(IReadOnlyCollection<ArticleFingerprint> members, string clusterId, CancellationToken cancellationToken);

    Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredArticle>> ListMonthAsync(BulletinMonth month, CancellationToken cancellationToken);

    /// <summary>Fingerprints of the given months, read with one projected query per month.</summary>
    Task<IReadOnlyList<ArticleFingerprint>> ListFingerprintsAsync(IEnumerable<BulletinMonth> months, CancellationToken cancellationToken);

    /// <summary>
    /// Applies editor fields under the article's ETag (412 → <see cref="ConcurrentEditException"/>). When
    /// <paramref name="edit"/> assigns another month, the article moves to that month's partition.
    /// </summary>
    Task<StoredArticle> EditAsync(string articleId, ArticleEdit edit, string? ifMatch, CancellationToken cancellationToken);
}

/// <summary>The fields an editor may change; null leaves a field as it is.</summary>
public sealed record ArticleEdit
{
    public EditorDecision? Decision { get; init; }

    /// <summary>Clears <see cref="StoredArticle.Decision"/> so the relevance band decides again.</summary>
    public bool ResetDecision { get; init; }

    public BulletinMonth? AssignMonth { get; init; }

    public int? Order { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? Media { get; init; }

    public string? Credit { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>Replaces the set of pictures the editor left out (indexes into <see cref="StoredArticle.Images"/>); empty shows them all.</summary>
    public IReadOnlyList<int>? DroppedImages { get; init; }
}

public sealed class ConcurrentEditException(string articleId)
    : Exception($"Article {articleId} was changed by someone else; reload it and apply the edit again.");

public sealed class ArticleNotFoundException(string articleId)
    : Exception($"No article has the id {articleId}.");
