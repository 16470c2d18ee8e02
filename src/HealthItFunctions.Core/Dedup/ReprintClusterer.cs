using HealthItFunctions.Core.Articles;

namespace HealthItFunctions.Core.Dedup;

/// <summary>An article as the clusterer sees it. <see cref="Source"/> (the outlet it credits) and <see cref="PublishTime"/> decide which copy is the original.</summary>
public sealed record ReprintCandidate(string Id, string? Title, string? Content, DateTimeOffset? PublishTime = null, string? Source = null);

/// <summary>
/// Where an article landed: <see cref="Cluster"/> is the id of the cluster's primary (the original); a primary's
/// cluster is its own id. <see cref="Distance"/> is the 128-bit Hamming distance to the member it joined through.
/// </summary>
public sealed record ReprintAssignment(string Id, string Cluster, bool Primary, ulong? Fingerprint, int? Distance);

/// <summary>
/// Groups reprints of one story. Articles are taken best first by the pipeline's <see cref="PrimaryRule"/> (the
/// authority of the outlet each credits, then the earliest publish time, unknown last, then the id), so the first of a
/// cluster, its primary, is the copy the pipeline would keep. Each article joins the cluster of its nearest
/// already-placed near-duplicate, or starts its own.
/// </summary>
public sealed class ReprintClusterer(NearDuplicateDetector detector, PrimaryRule primaryRule)
{
    /// <summary>One assignment per candidate, in input order.</summary>
    /// <exception cref="ArgumentException">Two candidates share an id.</exception>
    public IReadOnlyList<ReprintAssignment> Cluster(IReadOnlyList<ReprintCandidate> candidates)
    {
        var duplicate = candidates.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"id '{duplicate.Key}' appears more than once; every article needs its own id.", nameof(candidates));
        }

        var copies = candidates.Select(c => new StoryCopy(c.Id, c.PublishTime, Media: c.Source)).ToList();
        var order = Enumerable.Range(0, candidates.Count).Order(Comparer<int>.Create((x, y) => primaryRule.Compare(copies[x], copies[y])));
        var assignments = new ReprintAssignment[candidates.Count];
        var placed = new List<(DedupSignature Signature, string Cluster)>();
        // One sketch per cluster, its primary's, as the ingest planner counts them.
        var boilerplate = new MonthBoilerplate(detector.SketchSlots);
        foreach (var index in order)
        {
            var candidate = candidates[index];
            if (detector.Signature(candidate.Title, candidate.Content) is not { } value)
            {
                assignments[index] = new ReprintAssignment(candidate.Id, candidate.Id, true, null, null);
                continue;
            }

            var nearest = Nearest(value, placed, boilerplate);
            assignments[index] = nearest is { } match
                ? new ReprintAssignment(candidate.Id, match.Cluster, false, value.Fingerprint, match.Distance)
                : new ReprintAssignment(candidate.Id, candidate.Id, true, value.Fingerprint, null);
            if (nearest is null)
            {
                boilerplate.Add(value.Sketch);
            }

            placed.Add((value, assignments[index].Cluster));
        }

        return assignments;
    }

    /// <summary>The placed near-duplicate of <paramref name="signature"/> most similar to it (by sketch, then distance), if any.</summary>
    public (string Cluster, int Distance)? Nearest(DedupSignature signature, IEnumerable<(DedupSignature Signature, string Cluster)> placed,
        MonthBoilerplate? boilerplate = null)
    {
        (string Cluster, int Distance)? best = null;
        var bestSimilarity = double.MinValue;
        foreach (var (other, cluster) in placed)
        {
            var verdict = detector.Compare(signature, other, boilerplate);
            var similarity = verdict.Similarity ?? -verdict.Distance;
            if (verdict.IsDuplicate && (best is null || similarity > bestSimilarity))
            {
                best = (cluster, verdict.Distance);
                bestSimilarity = similarity;
            }
        }

        return best;
    }
}
