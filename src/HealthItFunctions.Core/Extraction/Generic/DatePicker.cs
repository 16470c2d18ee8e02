using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// Chooses the publish time among the many dates on a page. The date shown between the headline and the body wins:
/// navigation, "related" lists and footers carry dates too, and metadata can disagree with the shown time
/// (sina's article:published_time differs by minutes). Metadata, a labelled date anywhere, then the URL follow.
/// </summary>
internal sealed partial class DatePicker(PublishTimeParser parser)
{
    private const int HeaderWindow = 600;
    private const int LabelWindow = 12;

    private static readonly string[] MetaKeys =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "publishdate", "publish_date", "pubdate",
        "publication_date", "datepublished", "og:release_date", "sailthru.date", "dc.date", "dc.date.issued", "dcterms.created",
        "weibo:article:create_at", "article:modified_time",
    ];

    public (PublishTime Time, string Rule)? Pick(PageContext page, NodeInfo? titleNode, IReadOnlyList<NodeInfo> body)
    {
        var yearHint = UrlDate(page)?.Year;
        var text = page.Index.Text;

        foreach (var (start, end, allowVague) in Regions(text.Length, titleNode, body))
        {
            if (BestInRegion(page, text, start, end, yearHint, allowVague) is { } shown)
            {
                return (shown, "generic:near-title");
            }
        }

        foreach (var key in MetaKeys)
        {
            if (page.Meta(key) is { } value && Plausible(page, parser.Parse(value, page.FetchedAt, yearHint)) is { } meta)
            {
                return (meta, "meta:" + key);
            }
        }

        foreach (Match match in LabelledDate().Matches(text))
        {
            var tail = text.Substring(match.Index + match.Length, Math.Min(40, text.Length - match.Index - match.Length));
            if (Plausible(page, parser.Parse(tail, page.FetchedAt, yearHint)) is { } labelled)
            {
                return (labelled, "generic:labelled");
            }
        }

        if (UrlDate(page) is { } urlDate)
        {
            return (new PublishTime(new DateTimeOffset(urlDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), TimePrecision.Day), "url");
        }

        return null;
    }

    public static DateOnly? UrlDate(PageContext page) => page.Url is null ? null : PublishTimeParser.DateFromUrl(page.Url.ToString());

    /// <summary>
    /// The labelled date in the region, else its first absolute date. Vague dates (昨天, "3月18日" with a guessed
    /// year) are taken only between headline and body: elsewhere they are narrative ("昨日8时40分许").
    /// </summary>
    private PublishTime? BestInRegion(PageContext page, string text, int start, int end, int? yearHint, bool allowVague)
    {
        if (end <= start)
        {
            return null;
        }

        var region = text[start..end];
        PublishTime? firstAbsolute = null;
        PublishTime? firstVague = null;
        foreach (var match in parser.FindAll(region, page.FetchedAt, yearHint))
        {
            if (Plausible(page, match.Time) is not { } time)
            {
                continue;
            }

            var vague = match.Kind is DateKind.Relative or DateKind.YearInferred;
            if (vague)
            {
                firstVague ??= allowVague ? time : null;
                continue;
            }

            var labelStart = Math.Max(0, match.Index - LabelWindow);
            if (DateLabel().IsMatch(region.AsSpan(labelStart, match.Index - labelStart)))
            {
                return time;
            }

            firstAbsolute ??= time;
        }

        return firstAbsolute ?? firstVague;
    }

    /// <summary>
    /// After the headline up to the body; just before the body; the body's first lines; then its last lines and
    /// just after it, where blogs and forums print "发表于 …" under the post.
    /// </summary>
    private static IEnumerable<(int Start, int End, bool AllowVague)> Regions(int length, NodeInfo? title, IReadOnlyList<NodeInfo> body)
    {
        var first = body.Count > 0 ? body[0] : null;
        var last = body.Count > 0 ? body[^1] : null;
        if (title is not null)
        {
            var end = first is not null && first.TextStart > title.TextEnd ? Math.Min(first.TextStart, title.TextEnd + HeaderWindow) : title.TextEnd + HeaderWindow;
            yield return (title.TextEnd, Math.Min(length, end), true);
        }

        if (first is not null && last is not null)
        {
            yield return (Math.Max(0, first.TextStart - HeaderWindow / 2), first.TextStart, false);
            yield return (first.TextStart, Math.Min(first.TextEnd, first.TextStart + HeaderWindow / 3), false);
            yield return (Math.Max(last.TextStart, last.TextEnd - HeaderWindow / 4), last.TextEnd, false);
            yield return (last.TextEnd, Math.Min(length, last.TextEnd + HeaderWindow / 2), false);
        }
    }

    private static PublishTime? Plausible(PageContext page, PublishTime? time) =>
        time is { } value && value.Value.Year >= 1990 && value.Value <= page.FetchedAt.AddDays(1) ? value : null;

    [GeneratedRegex(@"发布|发表|时间|日期|更新|来源|Posted|Published", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"(?:发布时间|发表时间|发布日期|发表日期|发稿时间|发表于|发布于|日期|时间)\s*[:：]?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledDate();
}
