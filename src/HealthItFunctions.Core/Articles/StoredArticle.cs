using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Relevance;

namespace HealthItFunctions.Core.Articles;

public enum EditorDecision
{
    Include,
    Exclude,
}

/// <summary>
/// One story as the store keeps it: what the page said, how relevant it scored and why, which cluster of reprints it
/// belongs to, and what the editor decided. The editor's fields always win over the automatic ones.
/// </summary>
public sealed record StoredArticle
{
    /// <summary>Stable hash of <see cref="CanonicalUrl"/> (see <c>ArticleId</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The Beijing month it belongs to: of its publish time, else of discovery, unless an editor assigned another.</summary>
    public required BulletinMonth Month { get; init; }

    public required string SourceId { get; init; }

    public required string Url { get; init; }

    public required string CanonicalUrl { get; init; }

    public required string Title { get; init; }

    /// <summary>The media name the bulletin prints (the page's 来源, else the catalogued source's name).</summary>
    public required string Media { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Day, Minute or Second: how much of <see cref="PublishedAt"/> the page stated.</summary>
    public string? PublishPrecision { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }

    public required DateTimeOffset DiscoveredAt { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public double Score { get; init; }

    public required RelevanceBand Band { get; init; }

    /// <summary>Matched lexicon terms with where they matched, e.g. "informatization:互联网医院@title×2".</summary>
    public IReadOnlyList<string> MatchedTerms { get; init; } = [];

    /// <summary>SimHash of the normalized body, for reprint detection.</summary>
    public ulong Fingerprint { get; init; }

    /// <summary>The second, independently salted SimHash (0 on rows stored before it existed).</summary>
    public ulong Fingerprint2 { get; init; }

    /// <summary>Distinct shingles behind the sketch (<see cref="Dedup.DedupSignature.Shingles"/>); 0 on old rows.</summary>
    public int Shingles { get; init; }

    /// <summary>Base64 MinHash sketch of the body's shingles (<see cref="Dedup.DedupSignature.SketchText"/>); null on old rows.</summary>
    public string? Sketch { get; init; }

    /// <summary>The id of the cluster's primary article; equal to <see cref="Id"/> for a primary.</summary>
    public required string ClusterId { get; init; }

    public bool IsReprint => ClusterId != Id;

    public EditorDecision? Decision { get; init; }

    /// <summary>The editor's position in the bulletin (1-based); unordered items follow, by publish time.</summary>
    public int? Order { get; init; }

    public string? EditedTitle { get; init; }

    public string? EditedSummary { get; init; }

    /// <summary>The editor's 媒体 (e.g. the platform where the page names an account); wins over <see cref="Media"/>.</summary>
    public string? EditedMedia { get; init; }

    /// <summary>The editor's 来源 for the item's header; without it the header credits the page's own 来源 (<see cref="Media"/>).</summary>
    public string? EditedCredit { get; init; }

    /// <summary>The editor's publish date (Beijing day) for the item's header; wins over <see cref="PublishedAt"/>.</summary>
    public DateOnly? EditedDate { get; init; }

    /// <summary>The body's pictures in order, placed among <see cref="Paragraphs"/>; skipped ones carry a note.</summary>
    public IReadOnlyList<Images.StoredImage> Images { get; init; } = [];

    /// <summary>The editor's decision: indexes of <see cref="Images"/> left out of the bulletin.</summary>
    public IReadOnlyList<int> DroppedImages { get; init; } = [];

    /// <summary>Optimistic-concurrency token of the stored entity; null for an article not yet stored.</summary>
    public string? ETag { get; init; }

    /// <summary>The pictures the bulletin shows: downloaded, and not dropped by the editor.</summary>
    public IEnumerable<Images.StoredImage> ShownImages => Images.Where(i => i.IsAvailable && !DroppedImages.Contains(i.Index));

    /// <summary>Included in the month's bulletin: the editor's word, else the relevance band.</summary>
    public bool IsSelected => !IsReprint && (Decision ?? (Band == RelevanceBand.Include ? EditorDecision.Include : EditorDecision.Exclude)) == EditorDecision.Include;
}
