using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// Chooses the publish time among the many dates on a page. The date shown between the headline and the body wins:
/// navigation, "related" lists and footers carry dates too, and metadata can disagree with the shown time
/// (sina's article:published_time differs by minutes). Then a forum or blog "由 X 于 … 发表" line anywhere in the post,
/// metadata, a labelled date anywhere, a date literal handed to a time-ish key in an inline script, then the URL.
/// </summary>
internal sealed partial class DatePicker(PublishTimeParser parser, ScriptDates scriptDates)
{
    private static readonly string[] MetaKeys =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "publishdate", "publish_date", "pubdate",
        "publication_date", "datepublished", "og:release_date", "sailthru.date", "dc.date", "dc.date.issued", "dcterms.created",
        "weibo:article:create_at", "article:modified_time",
    ];

    /// <summary>
    /// The candidates in order of trust, lazily. Once <paramref name="current"/> reports a winner, only the cheap
    /// metadata candidates follow (they can refine a day to a minute); the page-wide scans are skipped.
    /// </summary>
    public IEnumerable<(PublishTime Time, string Rule)> Candidates(PageContext page, NodeInfo? titleNode, IReadOnlyList<NodeInfo> body, Func<PublishTime?> current)
    {
        var urlDate = UrlDate(page);
        var yearHint = urlDate?.Year;
        var text = page.Index.Text;

        foreach (var shown in Shown(page, text, titleNode, body, yearHint))
        {
            yield return shown;
        }

        foreach (var key in MetaKeys)
        {
            if (current() is { Precision: >= TimePrecision.Minute })
            {
                yield break;
            }

            if (page.Meta(key) is { } value && Plausible(page, parser.ParseOnPage(value, page, yearHint)) is { } meta)
            {
                yield return (meta, "meta:" + key);
            }
        }

        if (current() is not null)
        {
            yield break;
        }

        foreach (Match match in page.Vocabulary.LabelledDate.Matches(text))
        {
            var tail = text.Substring(match.Index + match.Length, Math.Min(ExtractionTuning.Default.DateLabelledTail, text.Length - match.Index - match.Length));
            if (Plausible(page, parser.ParseOnPage(tail, page, yearHint)) is { } labelled)
            {
                yield return (labelled, "generic:labelled");
                yield break;
            }
        }

        if (scriptDates.Find(page, yearHint) is { } scripted)
        {
            yield return (scripted, "generic:script-literal");
            yield break;
        }

        if (urlDate is { } day)
        {
            yield return (parser.AtMidnight(day), "url");
            yield break;
        }

        if (MonthOnly(page, text, titleNode, body) is { } month)
        {
            yield return month;
        }
    }

    /// <summary>The date shown on the page around the headline and the body (at most one).</summary>
    private IEnumerable<(PublishTime Time, string Rule)> Shown(PageContext page, string text, NodeInfo? titleNode, IReadOnlyList<NodeInfo> body, int? yearHint)
    {
        var regions = Regions(text.Length, titleNode, body).ToList();
        if (regions.Count > 0 && regions[0].Header && BestInRegion(page, text, regions[0], yearHint) is { } header)
        {
            yield return (header, "generic:near-title");
            yield break;
        }

        if (PostedAt(page, body, yearHint) is { } posted)
        {
            yield return (posted, "generic:posted-by");
            yield break;
        }

        if (regions.Count > 0 && regions[0].Header && MetaAnchoredHeaderDate(page, text, regions[0]) is { } anchored)
        {
            yield return (anchored, "generic:near-title");
            yield break;
        }

        PublishTime? unlabelledInBody = null;
        foreach (var region in regions.Where(r => !r.Header))
        {
            if (region.InBody)
            {
                // A bare date inside the article's own lines is usually narrative ("2019年2月27日下午，…"): a
                // labelled date further down ("发布日期：…" under the body) beats it.
                if (BestInRegion(page, text, region with { LabelledOnly = true }, yearHint) is { } labelled)
                {
                    yield return (labelled, "generic:near-body");
                    yield break;
                }

                unlabelledInBody ??= BestInRegion(page, text, region, yearHint);
                continue;
            }

            if (BestInRegion(page, text, region, yearHint) is { } shown)
            {
                yield return (shown, "generic:near-body");
                yield break;
            }
        }

        if (unlabelledInBody is { } bare)
        {
            yield return (bare, "generic:near-body");
        }
    }

    /// <summary>
    /// A page that states no full date anywhere may still state its month: a periodical's issue ("《某刊》1996年3月号")
    /// as the text's last line or the line after it, "2009年11月" under the headline. Elsewhere in the text a month is
    /// narrative ("2009年11月，卫生部提出……"), so only those lines count; then a labelled month anywhere.
    /// </summary>
    private (PublishTime Time, string Rule)? MonthOnly(PageContext page, string text, NodeInfo? titleNode, IReadOnlyList<NodeInfo> body)
    {
        var regions = Regions(text.Length, titleNode, body).ToList();
        if (regions.Count > 0 && regions[0].Header && FirstMonth(page, text, regions[0].Start, regions[0].End) is { } header)
        {
            return (header, "generic:near-title (month)");
        }

        if (body.Count > 0)
        {
            var end = body[^1].TextEnd;
            while (end > body[^1].TextStart && TextUtil.IsSpace(text[end - 1]))
            {
                end--;
            }

            var lastLine = text.LastIndexOf('\n', Math.Max(0, end - 1), end - body[^1].TextStart) + 1;
            if (FirstMonth(page, text, lastLine, end) is { } closing)
            {
                return (closing, "generic:last-line (month)");
            }

            var after = body[^1].TextEnd;
            while (after < text.Length && TextUtil.IsSpace(text[after]))
            {
                after++;
            }

            var lineEnd = text.IndexOf('\n', after);
            if (FirstMonth(page, text, after, Math.Min(lineEnd < 0 ? text.Length : lineEnd, after + ExtractionTuning.Default.DateMaxStampLine)) is { } below)
            {
                return (below, "generic:after-body (month)");
            }
        }

        foreach (Match match in page.Vocabulary.LabelledDate.Matches(text))
        {
            var tail = text.Substring(match.Index + match.Length, Math.Min(ExtractionTuning.Default.DateLabelledPartialTail, text.Length - match.Index - match.Length));
            // A label keeps whatever precision the page gives: a month, or only a year ("发布日期：2015年"), which must
            // follow the label directly: "时间跨度从公元前2000年" is prose.
            if (parser.ParseOnPage(tail, page) is { Precision: TimePrecision.Month or TimePrecision.Year } time && PlausibleMonth(page, time) is { } month
                && (time.Precision == TimePrecision.Month || (match.Value.TrimEnd().EndsWith(':') || match.Value.TrimEnd().EndsWith('：')) && YearRightAfterLabel().IsMatch(tail)))
            {
                return (month, time.Precision == TimePrecision.Year ? "generic:labelled (year)" : "generic:labelled (month)");
            }
        }

        return null;
    }

    private PublishTime? FirstMonth(PageContext page, string text, int start, int end)
    {
        if (end <= start)
        {
            return null;
        }

        foreach (var match in parser.FindAllOnPage(text[start..end], page))
        {
            if (match.Kind is DateKind.MonthOnly && PlausibleMonth(page, match.Time) is { } month)
            {
                return month;
            }
        }

        return null;
    }

    /// <summary>
    /// A year-less date next to the headline ("发布时间：10-08 12:00") on a saved page, where neither the fetch time nor
    /// the URL gives the year: the page's own metadata dates (published, updated) bound it from above, so it is the
    /// latest such month/day not after the earliest of them, as with a fetch time.
    /// </summary>
    private PublishTime? MetaAnchoredHeaderDate(PageContext page, string text, Region header)
    {
        if (page.FetchedAt is not null || UrlDate(page) is not null || MetaAnchor(page) is not { } anchor)
        {
            return null;
        }

        for (var year = anchor.Value.Year; year >= anchor.Value.Year - 1; year--)
        {
            if (BestInRegion(page, text, header, year) is { } time && time.Value <= anchor.Value.AddDays(1))
            {
                return time;
            }
        }

        return null;
    }

    /// <summary>The earliest absolute date among the page's date-ish meta values, or null.</summary>
    private PublishTime? MetaAnchor(PageContext page)
    {
        PublishTime? earliest = null;
        foreach (var (key, value) in page.Index.Metas)
        {
            if (!key.Contains("date", StringComparison.Ordinal) && !key.Contains("time", StringComparison.Ordinal))
            {
                continue;
            }

            if (Plausible(page, parser.Parse(value, fetchedAt: null)) is { } time && (earliest is null || time.Value < earliest.Value.Value))
            {
                earliest = time;
            }
        }

        return earliest;
    }

    private static DateOnly? UrlDate(PageContext page) => page.Url is null ? null : PublishTimeParser.DateFromUrl(page.Url.ToString());

    /// <summary>
    /// The labelled date in the region, else its first absolute date. Vague dates (昨天, "3月18日" with a guessed
    /// year) are taken only between headline and body: elsewhere they are narrative ("昨日8时40分许"). A date labelled
    /// as an update (最后更新, 修改时间) is the last edit, not the publication, and is taken only when nothing else is.
    /// Below the body, where "related articles" lists print a date per link, only a labelled date counts.
    /// </summary>
    private PublishTime? BestInRegion(PageContext page, string text, Region bounds, int? yearHint)
    {
        if (bounds.End <= bounds.Start)
        {
            return null;
        }

        var region = text[bounds.Start..bounds.End];
        PublishTime? firstAbsolute = null;
        PublishTime? firstVague = null;
        PublishTime? firstModified = null;
        PublishTime? firstLinked = null;
        var linked = 0;
        foreach (var match in parser.FindAllOnPage(region, page, yearHint))
        {
            if (Plausible(page, match.Time) is not { } time)
            {
                continue;
            }

            var vague = match.Kind is DateKind.Relative or DateKind.YearInferred;
            if (vague)
            {
                firstVague ??= bounds.AllowVague ? time : null;
                continue;
            }

            var labelStart = Math.Max(0, match.Index - ExtractionTuning.Default.DateLabelWindow);
            var label = region.AsSpan(labelStart, match.Index - labelStart);
            if (page.Vocabulary.ModifiedLabel.IsMatch(label))
            {
                firstModified ??= time;
                continue;
            }

            if (page.Vocabulary.DateLabel.IsMatch(label))
            {
                return time;
            }

            // Dates inside links that hold other text ("某地推进数据共享 2021-09-01"), when several, are a list of
            // other articles; a single one may be this page's own dateline linking to its channel.
            if (firstAbsolute is null && !bounds.LabelledOnly && InLinkedHeadline(page.Index, bounds.Start + match.Index, match.Length))
            {
                firstLinked ??= time;
                linked++;
                continue;
            }

            firstAbsolute ??= bounds.LabelledOnly ? null : time;
        }

        return firstAbsolute ?? (linked == 1 ? firstLinked : null) ?? firstVague ?? (bounds.LabelledOnly ? null : firstModified);
    }

    /// <summary>Whether the date sits in an &lt;a&gt; that also holds other text (a link to another article).</summary>
    private static bool InLinkedHeadline(DomIndex index, int at, int length)
    {
        for (var node = index.NodeAt(at); node is not null; node = node.Parent)
        {
            if (node.Node.Name == "a")
            {
                return node.TextLength > length + ExtractionTuning.Default.DateMinLinkedHeadline;
            }

            if (node.IsBlock)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Forums and blogs print the post's time in a credit line under (or inside) the post: "本贴由 X 于 2005年8月12日
    /// 16:12 在〖版块〗发表", "由 X 张贴 @ 2005-03-21 01:20". Replies repeat the line further down, so the first one in
    /// the post wins.
    /// </summary>
    private PublishTime? PostedAt(PageContext page, IReadOnlyList<NodeInfo> body, int? yearHint)
    {
        foreach (var line in CreditFinder.PostedLines(page.Vocabulary, page.Index.Text, body))
        {
            if (Plausible(page, parser.ParseOnPage(line.Date, page, yearHint)) is { } time)
            {
                return time;
            }
        }

        return null;
    }

    /// <summary>
    /// After the headline up to the body; just before the body; the body's first lines; then its last lines and
    /// just after it, where blogs and forums print "发表于 …" under the post.
    /// </summary>
    private static IEnumerable<Region> Regions(int length, NodeInfo? title, IReadOnlyList<NodeInfo> body)
    {
        var first = body.Count > 0 ? body[0] : null;
        var last = body.Count > 0 ? body[^1] : null;
        if (title is not null)
        {
            var end = first is not null && first.TextStart > title.TextEnd ? Math.Min(first.TextStart, title.TextEnd + ExtractionTuning.Default.DateHeaderWindow) : title.TextEnd + ExtractionTuning.Default.DateHeaderWindow;
            yield return new(title.TextEnd, Math.Min(length, end)) { Header = true, AllowVague = true };
        }

        if (first is not null && last is not null)
        {
            yield return new(Math.Max(0, first.TextStart - ExtractionTuning.Default.DateAboveBodyWindow), first.TextStart);
            yield return new(first.TextStart, Math.Min(first.TextEnd, first.TextStart + ExtractionTuning.Default.DateBodyLeadWindow)) { InBody = true };
            yield return new(Math.Max(last.TextStart, last.TextEnd - ExtractionTuning.Default.DateBodyTailWindow), last.TextEnd) { InBody = true };
            yield return new(last.TextEnd, Math.Min(length, last.TextEnd + ExtractionTuning.Default.DateBelowBodyWindow)) { LabelledOnly = true };
        }
    }

    /// <summary>A span of the page text to look for the shown date in, with what counts there.</summary>
    private readonly record struct Region(int Start, int End)
    {
        /// <summary>Between the headline and the body, where the publish line sits.</summary>
        public bool Header { get; init; }

        public bool AllowVague { get; init; }

        /// <summary>Only dates with a publish label count (below the body, lists of related links carry dates).</summary>
        public bool LabelledOnly { get; init; }

        /// <summary>Inside the article's own lines, where an unlabelled date is more often narrative than a dateline.</summary>
        public bool InBody { get; init; }
    }

    /// <summary>A full date (day or finer) from 1990 up to the fetch; month-only dates are a separate, last fallback.</summary>
    [GeneratedRegex(@"^\s{0,2}(?:19|20)[0-9]{2}\s?年?(?:$|\s|[^\p{IsCJKUnifiedIdeographs}0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex YearRightAfterLabel();

    internal static PublishTime? Plausible(PageContext page, PublishTime? time) =>
        time is { Precision: > TimePrecision.Month } value && value.Value.Year >= ExtractionTuning.Default.DateMinYear && value.Value <= page.Now.AddDays(1) ? value : null;

    private static PublishTime? PlausibleMonth(PageContext page, PublishTime time) =>
        time.Value.Year >= ExtractionTuning.Default.DateMinYear && time.Value <= page.Now.AddDays(1) ? time : null;

}
