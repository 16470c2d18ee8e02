namespace HealthItFunctions.Core.Dedup;

/// <summary>
/// Decides whether two articles are the same story. With complete signatures: their 128-bit SimHash distance is at most
/// <see cref="MaybeDistance"/> (a cheap prefilter no reprint in the benchmark exceeds) and the MinHash estimate of their
/// shingle Jaccard similarity is at least <see cref="MinSimilarity"/>. A row stored before signatures existed is judged
/// by the old rule: 64-bit distance at most <see cref="Threshold"/>. Defaults chosen by <c>healthit-bench dedupe</c>.
/// </summary>
/// <remarks>
/// Why two stages: one 64-bit SimHash distance is too noisy near its threshold (best recall 0.93–0.95 at precision 0.99,
/// and ~1e-5 random merges per pair), and summing two independent SimHashes still blurs "the same story with a paragraph
/// cut" with "another story in the same stock phrases". Jaccard over shingles separates them; 256 one-byte MinHash slots
/// estimate it to ±0.03 and fit in the one projected fingerprint query, so no body is read.
/// </remarks>
public sealed class NearDuplicateDetector
{
    public const int DefaultThreshold = 15;
    public const int DefaultMaybeDistance = 56;
    public const double DefaultMinSimilarity = 0.55;

    /// <summary>The salt of the second SimHash: any odd constant far from 0 makes it independent of the first.</summary>
    public const ulong SecondSalt = 0x5DEECE66DUL;

    /// <summary>Below this many normalized characters the body says too little, so the title joins it in the fingerprint.</summary>
    public const int MinimumBodyChars = 50;

    public NearDuplicateDetector()
        : this(DefaultThreshold, SimHash.DefaultShingleSize)
    {
    }

    public NearDuplicateDetector(int threshold, int shingleSize = SimHash.DefaultShingleSize,
        int maybeDistance = DefaultMaybeDistance, double minSimilarity = DefaultMinSimilarity, int sketchSlots = MinHashSketch.DefaultSlots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 63);
        ArgumentOutOfRangeException.ThrowIfNegative(maybeDistance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maybeDistance, 128);
        ArgumentOutOfRangeException.ThrowIfNegative(minSimilarity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minSimilarity, 1);
        Threshold = threshold;
        ShingleSize = shingleSize;
        MaybeDistance = maybeDistance;
        MinSimilarity = minSimilarity;
        SketchSlots = sketchSlots;
    }

    /// <summary>The 64-bit Hamming threshold, for rows that have only the first fingerprint.</summary>
    public int Threshold { get; }

    public int ShingleSize { get; }

    /// <summary>Above this 128-bit distance a pair is different without looking at sketches.</summary>
    public int MaybeDistance { get; }

    /// <summary>Estimated Jaccard similarity at or above which a pair is the same story.</summary>
    public double MinSimilarity { get; }

    public int SketchSlots { get; }

    /// <summary>
    /// The article's first 64-bit fingerprint: the body alone, so a reprint's new title does not matter; the title is
    /// added only when the body is too short to carry the story. Null when there is no text at all.
    /// </summary>
    public ulong? Fingerprint(string? title, string? content) => Signature(title, content)?.Fingerprint;

    /// <summary>The full signature of the same text <see cref="Fingerprint"/> hashes; null when there is no text at all.</summary>
    public DedupSignature? Signature(string? title, string? content)
    {
        var body = DedupText.Normalize(content);
        var text = body.Length >= MinimumBodyChars ? body : DedupText.Normalize($"{title}\n{content}");
        if (text.Length == 0)
        {
            return null;
        }

        var shingles = SimHash.ShingleHashes(text, ShingleSize);
        return new DedupSignature(SimHash.FromShingles(shingles, salt: 0), SimHash.FromShingles(shingles, SecondSalt),
            MinHashSketch.FromShingles(shingles, SketchSlots));
    }

    public bool IsNearDuplicate(ulong a, ulong b) => SimHash.Distance(a, b) <= Threshold;

    public bool IsNearDuplicate(DedupSignature a, DedupSignature b) => Compare(a, b).IsDuplicate;

    /// <summary>The verdict with its evidence, for logs and the benchmark.</summary>
    public DedupVerdict Compare(DedupSignature a, DedupSignature b)
    {
        if (!a.IsComplete || !b.IsComplete)
        {
            var distance = SimHash.Distance(a.Fingerprint, b.Fingerprint);
            return new DedupVerdict(distance <= Threshold, distance, null);
        }

        var distance128 = a.Distance128(b);
        if (distance128 > MaybeDistance)
        {
            return new DedupVerdict(false, distance128, null);
        }

        var similarity = MinHashSketch.Similarity(a.Sketch, b.Sketch);
        return new DedupVerdict(similarity >= MinSimilarity, distance128, similarity);
    }
}

/// <summary>
/// <see cref="Distance"/>: the 128-bit Hamming distance (or the 64-bit one for an old row); <see cref="Similarity"/>:
/// the estimated Jaccard similarity, null when the sketches were not compared.
/// </summary>
public sealed record DedupVerdict(bool IsDuplicate, int Distance, double? Similarity);
