namespace HealthItFunctions.Core.Dedup;

/// <summary>An article as the clusterer sees it. <see cref="PublishTime"/> decides which copy is the original.</summary>
public sealed record ReprintCandidate(string Id, string? Title, string? Content, DateTimeOffset? PublishTime = null, string? Source = null);

/// <summary>
/// Where an article landed: <see cref="Cluster"/> is the id of the cluster's primary (the original); a primary's
/// cluster is its own id. <see cref="Distance"/> is the Hamming distance to the member it joined through.
/// </summary>
public sealed record ReprintAssignment(string Id, string Cluster, bool Primary, ulong? Fingerprint, int? Distance);

/// <summary>
/// Groups reprints of one story. Articles are taken oldest first (known publish times before unknown ones, ties and
/// unknowns in input order), so the first of a cluster, its primary, is the earliest copy. Each article joins the
/// cluster of its nearest already-placed near-duplicate, or starts its own.
/// </summary>
public sealed class ReprintClusterer(NearDuplicateDetector detector)
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

        var order = Enumerable.Range(0, candidates.Count)
            .OrderBy(i => candidates[i].PublishTime is null ? 1 : 0)
            .ThenBy(i => candidates[i].PublishTime)
            .ThenBy(i => i);
        var assignments = new ReprintAssignment[candidates.Count];
        var placed = new List<(ulong Fingerprint, string Cluster)>();
        foreach (var index in order)
        {
            var candidate = candidates[index];
            var fingerprint = detector.Fingerprint(candidate.Title, candidate.Content);
            if (fingerprint is not { } value)
            {
                assignments[index] = new ReprintAssignment(candidate.Id, candidate.Id, true, null, null);
                continue;
            }

            var nearest = Nearest(value, placed);
            assignments[index] = nearest is { } match
                ? new ReprintAssignment(candidate.Id, match.Cluster, false, value, match.Distance)
                : new ReprintAssignment(candidate.Id, candidate.Id, true, value, null);
            placed.Add((value, assignments[index].Cluster));
        }

        return assignments;
    }

    /// <summary>The placed fingerprint closest to <paramref name="fingerprint"/> within the threshold, if any.</summary>
    public (string Cluster, int Distance)? Nearest(ulong fingerprint, IEnumerable<(ulong Fingerprint, string Cluster)> placed)
    {
        (string Cluster, int Distance)? best = null;
        foreach (var (other, cluster) in placed)
        {
            var distance = SimHash.Distance(fingerprint, other);
            if (distance <= detector.Threshold && (best is null || distance < best.Value.Distance))
            {
                best = (cluster, distance);
            }
        }

        return best;
    }
}
