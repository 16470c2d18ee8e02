using HealthItFunctions.Core.Dedup;

namespace HealthItFunctions.Cli.Benchmark;

/// <summary>Recall and precision of the two-stage rule (128-bit prefilter, then sketch similarity) at one setting.</summary>
internal sealed record TwoStageScore(int Slots, double MinSimilarity, int TruePositives, int FalsePositives, int Positives)
{
    public double Recall => Positives == 0 ? 1 : (double)TruePositives / Positives;

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
}

/// <summary>
/// Distinct stories compared all pairwise, as a month's ingest compares each article with the window: every merge is
/// false. <see cref="SketchCompared"/> counts pairs inside the 128-bit "maybe" band, whose sketches had to be compared.
/// </summary>
internal sealed record MonthScale(int Stories, long Pairs, long FalseMerges, long SketchCompared, long LegacyFalseMerges)
{
    public double FalseMergeRate => (double)FalseMerges / Pairs;

    public double LegacyFalseMergeRate => (double)LegacyFalseMerges / Pairs;

    public double SketchComparedRate => (double)SketchCompared / Pairs;
}

/// <summary>
/// Measures the product rule of <see cref="NearDuplicateDetector"/>: for each sketch size and similarity threshold, and
/// the false merges of the chosen setting among distinct stories at month scale.
/// </summary>
internal static class TwoStageBenchmark
{
    public static readonly int[] SketchSizes = [64, 128, 256];

    public static readonly double[] Similarities = [0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70];

    /// <summary>Sketches are computed once at the largest size; a smaller size is its prefix (slot salts do not depend on the size).</summary>
    public static IReadOnlyList<TwoStageScore> Score(IReadOnlyList<ArticlePair> pairs, int shingleSize = SimHash.DefaultShingleSize)
    {
        var full = new NearDuplicateDetector(NearDuplicateDetector.DefaultThreshold, shingleSize, sketchSlots: SketchSizes.Max());
        var signed = pairs.Select(p => (p.IsReprint, A: full.Signature(p.TitleA, p.BodyA)!, B: full.Signature(p.TitleB, p.BodyB)!)).ToList();
        var positives = pairs.Count(p => p.IsReprint);
        var scores = new List<TwoStageScore>();
        foreach (var slots in SketchSizes)
        {
            var verdicts = signed.Select(s => (s.IsReprint, Distance: s.A.Distance128(s.B),
                Similarity: MinHashSketch.Similarity(s.A.Sketch.AsSpan(0, slots), s.B.Sketch.AsSpan(0, slots)))).ToList();
            foreach (var t in Similarities)
            {
                var merged = verdicts.Where(v => v.Distance <= full.MaybeDistance && v.Similarity >= t).ToList();
                scores.Add(new TwoStageScore(slots, t, merged.Count(v => v.IsReprint), merged.Count(v => !v.IsReprint), positives));
            }
        }

        return scores;
    }

    public static readonly double[] Containments = [0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90];

    /// <summary>The product rule (prefilter and Jaccard, or containment for an excerpt) at each containment threshold.</summary>
    public static IReadOnlyList<(double MinContainment, TwoStageScore Score, IReadOnlyDictionary<PairKind, double> MergedShare)> Containment(IReadOnlyList<ArticlePair> pairs)
    {
        var signer = new NearDuplicateDetector();
        var signed = pairs.Select(p => (p.Kind, p.IsReprint, A: signer.Signature(p.TitleA, p.BodyA)!, B: signer.Signature(p.TitleB, p.BodyB)!)).ToList();
        var positives = pairs.Count(p => p.IsReprint);
        var result = new List<(double, TwoStageScore, IReadOnlyDictionary<PairKind, double>)>();
        foreach (var c in Containments)
        {
            var detector = new NearDuplicateDetector(NearDuplicateDetector.DefaultThreshold, minContainment: c);
            var merged = signed.Select(s => (s.Kind, s.IsReprint, Merged: detector.IsNearDuplicate(s.A, s.B))).ToList();
            var score = new TwoStageScore(MinHashSketch.DefaultSlots, NearDuplicateDetector.DefaultMinSimilarity,
                merged.Count(m => m.IsReprint && m.Merged), merged.Count(m => !m.IsReprint && m.Merged), positives);
            var share = merged.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Average(m => m.Merged ? 1.0 : 0.0));
            result.Add((c, score, share));
        }

        return result;
    }

    public static MonthScale Month(IReadOnlyList<(string Title, string Body)> stories, NearDuplicateDetector detector)
    {
        var signatures = stories.Select(s => detector.Signature(s.Title, s.Body)!).ToArray();
        long pairs = 0, merges = 0, compared = 0, legacy = 0;
        for (var i = 0; i < signatures.Length; i++)
        {
            for (var j = i + 1; j < signatures.Length; j++)
            {
                pairs++;
                var verdict = detector.Compare(signatures[i], signatures[j]);
                merges += verdict.IsDuplicate ? 1 : 0;
                compared += verdict.Similarity is null ? 0 : 1;
                legacy += detector.IsNearDuplicate(signatures[i].Fingerprint, signatures[j].Fingerprint) ? 1 : 0;
            }
        }

        return new MonthScale(signatures.Length, pairs, merges, compared, legacy);
    }
}
