using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Articles;

/// <summary>One copy of a story as the primary rule sees it.</summary>
/// <param name="SourceId">The catalogued site it was fetched from, when known.</param>
/// <param name="Media">The outlet the copy credits (媒体/来源).</param>
/// <param name="EditorDecided">An editor has decided on this copy (included or excluded it).</param>
public sealed record StoryCopy(string Id, DateTimeOffset? PublishedAt, string? SourceId = null, string? Media = null, bool EditorDecided = false);

/// <summary>
/// Which copy of a story is its primary, the one the bulletin shows: the pipeline's <see cref="ClusterPlanner"/> and
/// <c>healthit dedupe</c> both ask this one rule. The order: an editor's decision first (editors win: an included
/// primary is never demoted), then the authority of the outlet the copy credits (sources.json), then the earlier
/// publish time (unknown last), then the id, so that every worker agrees.
/// </summary>
public sealed class PrimaryRule(ISourceCatalog catalog)
{
    /// <summary>True when <paramref name="a"/> should be primary rather than <paramref name="b"/>.</summary>
    public bool Outranks(StoryCopy a, StoryCopy b)
    {
        if (a.EditorDecided != b.EditorDecided)
        {
            return a.EditorDecided;
        }

        var (authorityA, authorityB) = (AuthorityOf(a), AuthorityOf(b));
        if (authorityA != authorityB)
        {
            return authorityA > authorityB;
        }

        var (timeA, timeB) = (a.PublishedAt ?? DateTimeOffset.MaxValue, b.PublishedAt ?? DateTimeOffset.MaxValue);
        return timeA != timeB ? timeA < timeB : string.CompareOrdinal(a.Id, b.Id) < 0;
    }

    /// <summary>Best first: the primary of any group of copies is the first of them in this order.</summary>
    public int Compare(StoryCopy a, StoryCopy b) => a.Id == b.Id ? 0 : Outranks(a, b) ? -1 : 1;

    /// <summary>
    /// The authority of the outlet the copy credits. A page whose 来源 names another catalogued outlet is a reprint by its
    /// own account (a commission site carrying a HIT专家网 story): it ranks as that outlet, never above the original.
    /// A copy from no known site (a JSONL line) ranks as the catalogued outlet it credits, if any.
    /// </summary>
    private int AuthorityOf(StoryCopy copy)
    {
        var site = copy.SourceId is { } id ? catalog.Find(id) : null;
        if (copy.Media is not { Length: > 0 } media || (site is not null && SameOutlet(media, site.Media)))
        {
            return site?.Authority ?? 0;
        }

        // An outlet we do not follow tells us nothing: the site's own authority stands.
        return catalog.Current.Sources.FirstOrDefault(s => SameOutlet(media, s.Media))?.Authority ?? site?.Authority ?? 0;
    }

    // "HIT 专家网" and "HIT专家网" are one outlet: pages differ in spacing, not in name.
    private static bool SameOutlet(string a, string b) =>
        string.Equals(string.Concat(a.Where(c => !char.IsWhiteSpace(c))), string.Concat(b.Where(c => !char.IsWhiteSpace(c))), StringComparison.OrdinalIgnoreCase);
}
