using HealthItFunctions.Core.Dedup;

namespace HealthItFunctions.Cli.Benchmark;

/// <summary>Recall and precision of "distance ≤ threshold" at one shingle size and threshold.</summary>
internal sealed record ThresholdScore(int ShingleSize, int Threshold, int TruePositives, int FalsePositives, int Positives)
{
    public double Recall => Positives == 0 ? 1 : (double)TruePositives / Positives;

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
}

/// <summary>Distances of one pair kind at one shingle size.</summary>
internal sealed record KindDistances(PairKind Kind, bool IsReprint, IReadOnlyList<int> Distances)
{
    public double Mean => Distances.Average();

    public int Min => Distances.Min();

    public int Max => Distances.Max();

    public int Percentile(double p) => Distances.Order().ElementAt(Math.Clamp((int)Math.Ceiling(p * Distances.Count) - 1, 0, Distances.Count - 1));
}

internal sealed record DedupeReport(
    int Pairs,
    IReadOnlyList<ThresholdScore> Scores,
    ThresholdScore Chosen,
    IReadOnlyList<KindDistances> ChosenDistances,
    double MinimumPrecision);

/// <summary>
/// Scores every (shingle size, threshold) on the synthetic pairs and chooses the one with the best recall among those
/// with precision at or above the target; ties go to the smaller threshold, which leaves more room for precision.
/// </summary>
internal static class DedupeBenchmark
{
    public const int MaxThreshold = 24;

    public static DedupeReport Run(IReadOnlyList<ArticlePair> pairs, IReadOnlyList<int> shingleSizes, double minimumPrecision)
    {
        var scores = new List<ThresholdScore>();
        var distancesBySize = new Dictionary<int, List<(ArticlePair Pair, int Distance)>>();
        foreach (var n in shingleSizes)
        {
            var detector = new NearDuplicateDetector(threshold: 0, shingleSize: n);
            var distances = pairs.Select(p => (p, SimHash.Distance(
                detector.Fingerprint(p.TitleA, p.BodyA) ?? 0,
                detector.Fingerprint(p.TitleB, p.BodyB) ?? 0))).ToList();
            distancesBySize[n] = distances;
            var positives = pairs.Count(p => p.IsReprint);
            for (var t = 0; t <= MaxThreshold; t++)
            {
                var tp = distances.Count(d => d.p.IsReprint && d.Item2 <= t);
                var fp = distances.Count(d => !d.p.IsReprint && d.Item2 <= t);
                scores.Add(new ThresholdScore(n, t, tp, fp, positives));
            }
        }

        var chosen = scores.Where(s => s.Precision >= minimumPrecision)
            .OrderByDescending(s => s.Recall)
            .ThenByDescending(s => s.Precision)
            .ThenBy(s => s.Threshold)
            .FirstOrDefault() ?? scores.OrderByDescending(s => s.Precision).ThenByDescending(s => s.Recall).First();
        var kinds = distancesBySize[chosen.ShingleSize]
            .GroupBy(d => d.Pair.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindDistances(g.Key, g.First().Pair.IsReprint, g.Select(d => d.Distance).ToList()))
            .ToList();
        return new DedupeReport(pairs.Count, scores, chosen, kinds, minimumPrecision);
    }
}
