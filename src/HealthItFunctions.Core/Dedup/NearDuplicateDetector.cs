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

    /// <summary>
    /// An excerpt reprint: the shorter text's shingles this much inside the longer one (estimated). 0.80 rather than
    /// 0.85 since the month's boilerplate is discounted (<see cref="MinDistinctiveContainment"/>): recall 0.93 on excerpts.
    /// </summary>
    public const double DefaultMinContainment = 0.80;

    /// <summary>
    /// With the month's common sketch values set aside, a same-story pair still agrees this much (reprints: 5th
    /// percentile 0.56, least 0.42), while two stories on one topic that share only its stock sentences fall to about 0.2.
    /// </summary>
    public const double MinDistinctiveSimilarity = 0.35;

    /// <summary>
    /// An excerpt's containment recomputed from the boilerplate-free agreement: a lead that is mostly a topic's stock
    /// sentences sits inside every story of the topic by raw containment, but its own names and figures do not.
    /// </summary>
    public const double MinDistinctiveContainment = 0.70;

    /// <summary>
    /// Fewer boilerplate-free slots than this is too little evidence to weigh a pair by them: such a pair is nearly all
    /// the month's common text. (Reprints in the benchmark keep at least 27.)
    /// </summary>
    public const int MinDistinctiveSlots = 12;

    /// <summary>
    /// With too few boilerplate-free slots, only a near-whole copy is a reprint: whole-text reprints (furniture or title
    /// changed) estimate at least 0.85, while two stories built of one topic's stock sentences reach about 0.65.
    /// </summary>
    public const double MinCopySimilarity = 0.85;

    /// <summary>
    /// Below this Jaccard estimate the containment estimate is mostly sketch noise (±0.03 on J is ±0.3 on containment
    /// for a tenth-size excerpt), so only excerpts of at least about a sixth of the original count.
    /// </summary>
    public const double MinExcerptSimilarity = 0.15;

    /// <summary>A shorter text than this many shingles (two or three sentences) shares its lead with too many stories.</summary>
    public const int MinExcerptShingles = 80;

    /// <summary>
    /// An excerpt is a part: the longer text at least this many times the shorter. Two whole stories of like length
    /// that share a site's furniture and a topic's stock phrases are then never judged by containment.
    /// </summary>
    public const double MinExcerptRatio = 1.5;

    /// <summary>The salt of the second SimHash: any odd constant far from 0 makes it independent of the first.</summary>
    public const ulong SecondSalt = 0x5DEECE66DUL;

    /// <summary>Below this many normalized characters the body says too little, so the title joins it in the fingerprint.</summary>
    public const int MinimumBodyChars = 50;

    public NearDuplicateDetector()
        : this(DefaultThreshold, SimHash.DefaultShingleSize)
    {
    }

    public NearDuplicateDetector(int threshold, int shingleSize = SimHash.DefaultShingleSize,
        int maybeDistance = DefaultMaybeDistance, double minSimilarity = DefaultMinSimilarity, int sketchSlots = MinHashSketch.DefaultSlots,
        double minContainment = DefaultMinContainment)
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
        MinContainment = minContainment;
    }

    /// <summary>The 64-bit Hamming threshold, for rows that have only the first fingerprint.</summary>
    public int Threshold { get; }

    public int ShingleSize { get; }

    /// <summary>Above this 128-bit distance a pair is different without looking at sketches.</summary>
    public int MaybeDistance { get; }

    /// <summary>Estimated Jaccard similarity at or above which a pair is the same story.</summary>
    public double MinSimilarity { get; }

    public double MinContainment { get; }

    /// <summary>Both sizes known, one clearly a part of the other's length, the shorter long enough to be a story's lead rather than a stock sentence.</summary>
    private static bool IsExcerptCandidate(DedupSignature a, DedupSignature b) =>
        a.Shingles > 0 && b.Shingles > 0 && Math.Min(a.Shingles, b.Shingles) >= MinExcerptShingles
        && Math.Max(a.Shingles, b.Shingles) >= MinExcerptRatio * Math.Min(a.Shingles, b.Shingles);

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
            MinHashSketch.FromShingles(shingles, SketchSlots), new HashSet<ulong>(shingles).Count);
    }

    public bool IsNearDuplicate(ulong a, ulong b) => SimHash.Distance(a, b) <= Threshold;

    public bool IsNearDuplicate(DedupSignature a, DedupSignature b, MonthBoilerplate? boilerplate = null) => Compare(a, b, boilerplate).IsDuplicate;

    /// <summary>
    /// The verdict with its evidence, for logs and the benchmark. With <paramref name="boilerplate"/> (the window's
    /// common sketch values) a match must also hold on what the two texts do not share with the rest of the month.
    /// </summary>
    public DedupVerdict Compare(DedupSignature a, DedupSignature b, MonthBoilerplate? boilerplate = null)
    {
        var verdict = CompareRaw(a, b);
        if (!verdict.IsDuplicate || boilerplate is null || verdict.Similarity is null)
        {
            return verdict;
        }

        var distinctive = boilerplate.Compare(a.Sketch, b.Sketch);
        var enough = distinctive.Slots >= MinDistinctiveSlots;
        var holds = verdict.Containment is null
            ? enough ? distinctive.Similarity >= MinDistinctiveSimilarity : verdict.Similarity >= MinCopySimilarity
            : enough && MinHashSketch.Containment(distinctive.Similarity, a.Shingles, b.Shingles) >= MinDistinctiveContainment;
        return verdict with { IsDuplicate = holds, DistinctiveSimilarity = distinctive.Similarity };
    }

    private DedupVerdict CompareRaw(DedupSignature a, DedupSignature b)
    {
        if (!a.IsComplete || !b.IsComplete)
        {
            var distance = SimHash.Distance(a.Fingerprint, b.Fingerprint);
            return new DedupVerdict(distance <= Threshold, distance, null);
        }

        var distance128 = a.Distance128(b);
        var excerptPossible = IsExcerptCandidate(a, b);
        if (distance128 > MaybeDistance && !excerptPossible)
        {
            return new DedupVerdict(false, distance128, null);
        }

        // An excerpt differs too much for the 128-bit band (its SimHash is of a third of the text), so a pair whose sizes
        // allow one is always compared by sketch: 256 bytes, no body read.
        var similarity = MinHashSketch.Similarity(a.Sketch, b.Sketch);
        if (distance128 <= MaybeDistance && similarity >= MinSimilarity)
        {
            return new DedupVerdict(true, distance128, similarity);
        }

        var containment = excerptPossible && similarity >= MinExcerptSimilarity ? MinHashSketch.Containment(similarity, a.Shingles, b.Shingles) : (double?)null;
        return new DedupVerdict(containment >= MinContainment, distance128, similarity, containment);
    }
}

/// <summary>
/// <see cref="Distance"/>: the 128-bit Hamming distance (or the 64-bit one for an old row); <see cref="Similarity"/>:
/// the estimated Jaccard similarity, null when the sketches were not compared; <see cref="Containment"/>: the estimated
/// share of the shorter text inside the longer, when the pair was judged as a possible excerpt;
/// <see cref="DistinctiveSimilarity"/>: the Jaccard estimate with the month's common sketch values set aside, when a
/// sketch match was checked against the month's boilerplate.
/// </summary>
public sealed record DedupVerdict(bool IsDuplicate, int Distance, double? Similarity, double? Containment = null, double? DistinctiveSimilarity = null);
