using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Review;

/// <summary>
/// A month's stored articles as candidates: one row per story (reprints fold into their primary's "also reported
/// by"), the bulletin's items first in the order the publisher prints them, then the rest by band and score.
/// </summary>
internal static class ReviewCandidates
{
    public static IReadOnlyList<ReviewArticle> Of(IReadOnlyList<StoredArticle> month)
    {
        var ids = month.Select(a => a.Id).ToHashSet();
        var reprints = month.Where(a => a.IsReprint && ids.Contains(a.ClusterId)).ToLookup(a => a.ClusterId);
        // A reprint whose original was stored in an earlier month stands alone: the editor still has to see it.
        var rows = month.Where(a => !a.IsReprint || !ids.Contains(a.ClusterId));
        return rows
            .OrderByDescending(a => a.IsSelected)
            .ThenBy(a => a.IsSelected ? a.Order ?? int.MaxValue : 0)
            .ThenBy(a => a.IsSelected ? a.PublishedAt ?? DateTimeOffset.MaxValue : DateTimeOffset.MinValue)
            .ThenBy(a => a.Band)
            .ThenByDescending(a => a.Score)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => ReviewArticle.From(a, reprints[a.Id]
                .OrderBy(r => r.PublishedAt ?? DateTimeOffset.MaxValue)
                .Select(r => new ClusterMember(r.Id, r.Media, r.EditedTitle ?? r.Title, r.CanonicalUrl, r.PublishedAt))
                .ToList()))
            .ToList();
    }
}

/// <summary>What an edit changed, field by field, for the history.</summary>
internal static class ReviewChanges
{
    public static IReadOnlyList<FieldChange> Between(StoredArticle before, StoredArticle after)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, from, to));
            }
        }

        Compare("decision", before.Decision?.ToString().ToLowerInvariant(), after.Decision?.ToString().ToLowerInvariant());
        Compare("month", before.Month.ToString(), after.Month.ToString());
        Compare("order", before.Order?.ToString(), after.Order?.ToString());
        Compare("title", before.EditedTitle ?? before.Title, after.EditedTitle ?? after.Title);
        Compare("summary", before.EditedSummary, after.EditedSummary);
        Compare("droppedImages", string.Join(',', before.DroppedImages), string.Join(',', after.DroppedImages));
        Compare("media", before.EditedMedia ?? before.Media, after.EditedMedia ?? after.Media);
        Compare("credit", before.EditedCredit ?? before.Media, after.EditedCredit ?? after.Media);
        Compare("date", DateText(before), DateText(after));
        return changes;
    }

    private static string? DateText(StoredArticle article) =>
        (article.EditedDate ?? (article.PublishedAt is { } at ? BulletinMonth.BeijingDateOf(at) : null))?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
