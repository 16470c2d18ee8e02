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
/// The order (<see cref="Outranks"/>): an editor's decision first (editors win: an included primary is never demoted),
/// then the source's authority (sources.json), then the earlier publish time, then the id, so every worker agrees.
/// A later, better original therefore takes over an existing cluster: its members are re-pointed, one request per
/// month partition. That is rare (an original found after its reprint) and buys the right media in the bulletin.
/// </remarks>
public sealed class ClusterPlanner(NearDuplicateDetector detector, ISourceCatalog catalog)
{
    public ClusterPlan Plan(ArticleFingerprint self, IReadOnlyList<ArticleFingerprint> window)
    {
        if (self.Fingerprint == 0)
        {
            return new ClusterPlan(self.ClusterId, []);
        }

        var others = window.Where(c => c.Id != self.Id).ToList();
        var signature = self.Signature;
        var touched = others
            .Where(c => c.Fingerprint != 0 && detector.IsNearDuplicate(c.Signature, signature))
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

    /// <summary>True when <paramref name="a"/> should be primary rather than <paramref name="b"/>.</summary>
    public bool Outranks(ArticleFingerprint a, ArticleFingerprint b)
    {
        if ((a.Decision is not null) != (b.Decision is not null))
        {
            return a.Decision is not null;
        }

        var (authorityA, authorityB) = (AuthorityOf(a), AuthorityOf(b));
        if (authorityA != authorityB)
        {
            return authorityA > authorityB;
        }

        var (timeA, timeB) = (a.PublishedAt ?? DateTimeOffset.MaxValue, b.PublishedAt ?? DateTimeOffset.MaxValue);
        return timeA != timeB ? timeA < timeB : string.CompareOrdinal(a.Id, b.Id) < 0;
    }

    /// <summary>
    /// The authority of the outlet the copy credits. A page whose 来源 names another catalogued outlet is a reprint by its
    /// own account (a commission site carrying a HIT专家网 story): it ranks as that outlet, never above the original.
    /// </summary>
    private int AuthorityOf(ArticleFingerprint article)
    {
        var site = article.SourceId is { } id ? catalog.Find(id) : null;
        if (site is null || article.Media is not { Length: > 0 } media || SameOutlet(media, site.Media))
        {
            return site?.Authority ?? 0;
        }

        // An outlet we do not follow tells us nothing: the site's own authority stands.
        return catalog.Current.Sources.FirstOrDefault(s => SameOutlet(media, s.Media))?.Authority ?? site.Authority;
    }

    // "HIT 专家网" and "HIT专家网" are one outlet: pages differ in spacing, not in name.
    private static bool SameOutlet(string a, string b) =>
        string.Equals(string.Concat(a.Where(c => !char.IsWhiteSpace(c))), string.Concat(b.Where(c => !char.IsWhiteSpace(c))), StringComparison.OrdinalIgnoreCase);
}
