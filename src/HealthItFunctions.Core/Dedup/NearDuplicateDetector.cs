namespace HealthItFunctions.Core.Dedup;

/// <summary>
/// Decides whether two articles are the same story: their body SimHashes differ in at most <see cref="Threshold"/> bits.
/// The default was chosen by <c>healthit benchmark dedupe</c> (recall on reprints at precision on same-topic stories).
/// </summary>
public sealed class NearDuplicateDetector
{
    public const int DefaultThreshold = 15;

    /// <summary>Below this many normalized characters the body says too little, so the title joins it in the fingerprint.</summary>
    public const int MinimumBodyChars = 50;

    public NearDuplicateDetector()
        : this(DefaultThreshold, SimHash.DefaultShingleSize)
    {
    }

    public NearDuplicateDetector(int threshold, int shingleSize = SimHash.DefaultShingleSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 63);
        Threshold = threshold;
        ShingleSize = shingleSize;
    }

    public int Threshold { get; }

    public int ShingleSize { get; }

    /// <summary>
    /// The article's fingerprint: the body alone, so a reprint's new title does not matter; the title is added only when
    /// the body is too short to carry the story. Null when there is no text at all: an empty page is nobody's reprint.
    /// </summary>
    public ulong? Fingerprint(string? title, string? content)
    {
        var body = DedupText.Normalize(content);
        if (body.Length >= MinimumBodyChars)
        {
            return SimHash.Compute(content, ShingleSize);
        }

        var both = $"{title}\n{content}";
        return DedupText.Normalize(both).Length == 0 ? null : SimHash.Compute(both, ShingleSize);
    }

    public bool IsNearDuplicate(ulong a, ulong b) => SimHash.Distance(a, b) <= Threshold;
}
