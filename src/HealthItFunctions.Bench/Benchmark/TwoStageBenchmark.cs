using HealthItFunctions.Core.Dedup;

namespace HealthItFunctions.Cli.Benchmark;

/// <summary>Recall and precision of the two-stage rule (128-bit prefilter, then sketch similarity) at one setting.</summary>
internal sealed record TwoStageScore(int Slots, double MinSimilarity, int TruePositives, int FalsePositives, int Positives)
{
    public double Recall => Positives == 0 ? 1 : (double)TruePositives / Positives;

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
}

/// <summary>
/// Distinct stories compared all pairwise, as a month's ingest compares each article with the window before it: every
/// merge is false. <see cref="SketchCompared"/> counts pairs whose sketches had to be compared; <see cref="RawFalseMerges"/>
/// the merges of the sketch rule without the month's boilerplate discounted.
/// </summary>
internal sealed record MonthScale(int Stories, long Pairs, long FalseMerges, long SketchCompared, long LegacyFalseMerges, long RawFalseMerges = 0)
{
    public double FalseMergeRate => (double)FalseMerges / Pairs;

    /// <summary>One-sided 95% upper bound on the per-pair false-merge rate (Poisson, exact for the count observed).</summary>
    public double FalseMergeRateUpper95 => PoissonUpper95(FalseMerges) / Pairs;

    public double RawFalseMergeRate => (double)RawFalseMerges / Pairs;

    /// <summary>The λ at which seeing at most <paramref name="count"/> events has probability 5% (3.0 for none).</summary>
    public static double PoissonUpper95(long count)
    {
        double low = count, high = count + 10 + 10 * Math.Sqrt(count + 1);
        for (var step = 0; step < 100; step++)
        {
            var mid = (low + high) / 2;
            if (PoissonAtMost(count, mid) > 0.05)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }

    private static double PoissonAtMost(long count, double mean)
    {
        double term = Math.Exp(-mean), sum = term;
        for (var k = 1; k <= count; k++)
        {
            term *= mean / k;
            sum += term;
        }

        return sum;
    }

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

    /// <summary>
    /// The product rule (prefilter and Jaccard, or containment for an excerpt) at each containment threshold. With
    /// <paramref name="month"/> each pair is judged as ingest judges it: against that month's boilerplate.
    /// </summary>
    public static IReadOnlyList<(double MinContainment, TwoStageScore Score, IReadOnlyDictionary<PairKind, double> MergedShare)> Containment(
        IReadOnlyList<ArticlePair> pairs, MonthBoilerplate? month = null)
    {
        var signer = new NearDuplicateDetector();
        var signed = pairs.Select(p => (p.Kind, p.IsReprint, A: signer.Signature(p.TitleA, p.BodyA)!, B: signer.Signature(p.TitleB, p.BodyB)!)).ToList();
        var positives = pairs.Count(p => p.IsReprint);
        var result = new List<(double, TwoStageScore, IReadOnlyDictionary<PairKind, double>)>();
        foreach (var c in Containments)
        {
            var detector = new NearDuplicateDetector(NearDuplicateDetector.DefaultThreshold, minContainment: c);
            var merged = signed.Select(s => (s.Kind, s.IsReprint, Merged: detector.IsNearDuplicate(s.A, s.B, month))).ToList();
            var score = new TwoStageScore(MinHashSketch.DefaultSlots, NearDuplicateDetector.DefaultMinSimilarity,
                merged.Count(m => m.IsReprint && m.Merged), merged.Count(m => !m.IsReprint && m.Merged), positives);
            var share = merged.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Average(m => m.Merged ? 1.0 : 0.0));
            result.Add((c, score, share));
        }

        return result;
    }

    /// <summary>The boilerplate of a month of <paramref name="stories"/>, each its own cluster.</summary>
    public static MonthBoilerplate Boilerplate(IEnumerable<(string Title, string Body)> stories, NearDuplicateDetector detector) =>
        MonthBoilerplate.FromStories(stories.Select(s => detector.Signature(s.Title, s.Body)?.Sketch ?? []), detector.SketchSlots);

    public static MonthScale Month(IReadOnlyList<(string Title, string Body)> stories, NearDuplicateDetector detector)
    {
        var signatures = stories.Select(s => detector.Signature(s.Title, s.Body)!).ToArray();
        var boilerplate = new MonthBoilerplate(detector.SketchSlots);
        long pairs = 0, merges = 0, compared = 0, legacy = 0, raw = 0;
        for (var i = 0; i < signatures.Length; i++)
        {
            // As ingest stores them: story i meets the window before it, whose boilerplate counts each earlier story.
            for (var j = 0; j < i; j++)
            {
                pairs++;
                var verdict = detector.Compare(signatures[i], signatures[j]);
                raw += verdict.IsDuplicate ? 1 : 0;
                merges += verdict.IsDuplicate && detector.IsNearDuplicate(signatures[i], signatures[j], boilerplate) ? 1 : 0;
                compared += verdict.Similarity is null ? 0 : 1;
                legacy += detector.IsNearDuplicate(signatures[i].Fingerprint, signatures[j].Fingerprint) ? 1 : 0;
            }

            boilerplate.Add(signatures[i].Sketch);
        }

        return new MonthScale(signatures.Length, pairs, merges, compared, legacy, raw);
    }
}
