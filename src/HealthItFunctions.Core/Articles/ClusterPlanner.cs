using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Articles;

/// <summary>What to write so that an article and its near-duplicates share one cluster with the right primary.</summary>
/// <param name="ClusterId">The cluster the article belongs to: the winner's id.</param>
/// <param name="Repoint">Stored articles (the article itself included) whose ClusterId must become <paramref name="ClusterId"/>.</param>
public sealed record ClusterPlan(string ClusterId, IReadOnlyList<ArticleFingerprint> Repoint);

/// <summary>
/// Decides clusters after the article is stored, from its window of fingerprints read after the insert. Reading after
/// writing is what makes concurrent reprints converge: of two articles stored at the same moment, at least one reads the
/// other, and both apply the same total order, so whichever reads the other re-points the loser.
/// </summary>
/// <remarks>
/// The order is <see cref="PrimaryRule"/>'s, the same as <c>healthit dedupe</c>'s. A later, better original therefore
/// takes over an existing cluster: its members are re-pointed, one request per month partition. That is rare (an original found after its reprint) and buys the right media in the bulletin.
/// </remarks>
public sealed class ClusterPlanner(NearDuplicateDetector detector, ISourceCatalog catalog)
{
    private readonly PrimaryRule _rule = new(catalog);

    public ClusterPlan Plan(ArticleFingerprint self, IReadOnlyList<ArticleFingerprint> window)
    {
        if (self.Fingerprint == 0)
        {
            return new ClusterPlan(self.ClusterId, []);
        }

        var others = window.Where(c => c.Id != self.Id).ToList();
        var signature = self.Signature;
        var boilerplate = Boilerplate(others, detector.SketchSlots);
        var touched = others
            .Where(c => c.Fingerprint != 0 && detector.IsNearDuplicate(c.Signature, signature, boilerplate))
            .Select(c => c.ClusterId)
            .Append(self.ClusterId)
            .ToHashSet(StringComparer.Ordinal);
        var members = others.Where(c => touched.Contains(c.ClusterId)).Append(self).ToList();

        // A cluster whose primary lies before the window is older than anything in it, so it keeps its primary.
        var outsideWindow = touched.Where(cluster => members.All(m => m.Id != cluster)).Order(StringComparer.Ordinal).FirstOrDefault();
        var winner = outsideWindow
            ?? members.Where(m => m.Id == m.ClusterId || m.Id == self.Id).Aggregate((best, next) => Outranks(next, best) ? next : best).Id;
        return new ClusterPlan(winner, members.Where(m => m.ClusterId != winner).ToList());
    }

    /// <summary>The window's common sketch values, each cluster counted once so a widely reprinted story is not boilerplate.</summary>
    internal static MonthBoilerplate Boilerplate(IEnumerable<ArticleFingerprint> window, int slots) =>
        MonthBoilerplate.FromStories(window
            .Where(c => c.Fingerprint != 0)
            .GroupBy(c => c.ClusterId, StringComparer.Ordinal)
            .Select(cluster => cluster.Select(c => c.Signature.Sketch).FirstOrDefault(sketch => sketch.Length > 0) ?? []), slots);

    /// <summary>True when <paramref name="a"/> should be primary rather than <paramref name="b"/> (<see cref="PrimaryRule"/>).</summary>
    public bool Outranks(ArticleFingerprint a, ArticleFingerprint b) => _rule.Outranks(Copy(a), Copy(b));

    private static StoryCopy Copy(ArticleFingerprint article) =>
        new(article.Id, article.PublishedAt, article.SourceId, article.Media, article.Decision is not null);
}
