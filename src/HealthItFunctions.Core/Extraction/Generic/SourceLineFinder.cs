using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Lexicon;

namespace HealthItFunctions.Core.Extraction.Generic;

using static HealthItFunctions.Core.Extraction.Generic.BylineRegions;

/// <summary>The 来源 (source) line Chinese pages print between the headline and the text.</summary>
internal static partial class SourceLineFinder
{
    /// <summary>
    /// The labelled 来源 under the headline; else the name printed beside the shown date there ("2019-05-17 · 苏皖城市报道",
    /// "南方都市报 2019-09-09 16:01"), which portals and self-media platforms use instead of a label; else a labelled
    /// 来源 near the body, which on such platforms credits the reprinted original and so ranks last.
    /// </summary>
    public static (string Value, string Rule)? FindSource(PageContext page, NodeInfo? title, NodeInfo? body)
    {
        var text = page.Index.Text;
        foreach (var (start, end, header) in Regions(text.Length, title, body))
        {
            if (Labelled(page.Vocabulary, text, start, end) is { } labelled)
            {
                return (FirstOfList(labelled.Name), labelled.Rule);
            }

            if (header && SourceElement(page, start, end) is { } classed)
            {
                return (classed, "generic:source-element");
            }

            if (header && DatelineName(page, start, end) is { } beside)
            {
                return (beside, "generic:dateline-name");
            }
        }

        return null;
    }


    /// <summary>
    /// An element classed "source" under the headline holding just a media name, with or without its label
    /// (<c>&lt;span class="source"&gt;某某日报&lt;/span&gt;</c> beside the date): templates mark the credit by class.
    /// </summary>
    private static string? SourceElement(PageContext page, int start, int end)
    {
        var index = page.Index;
        var vocabulary = page.Vocabulary;
        var nodes = index.Nodes;
        for (var i = FirstAt(nodes, start); i < nodes.Count && nodes[i].TextStart < end; i++)
        {
            var node = nodes[i];
            if (node.TextLength == 0 || node.TextLength > ExtractionTuning.Default.BylineMaxAuthorElement || !node.Node.HasAttributes || node.InComment)
            {
                continue;
            }

            var names = string.Concat(node.Node.Attributes["class"]?.Value, " ", node.Node.Attributes["id"]?.Value);
            if (!SourceClass().IsMatch(names))
            {
                continue;
            }

            var value = vocabulary.SourceElementLabel.Replace(index.TextOf(node).Trim(), string.Empty).Trim();
            if (Clean(vocabulary, value) is { } name && name.Any(TextUtil.IsCjk) && name.All(c => char.IsLetter(c) || c is ' ' or '-' or '·') && !vocabulary.NotAName.IsMatch(name) && !vocabulary.FurnitureWord.IsMatch(name))
            {
                return name;
            }
        }

        return null;
    }


    /// <summary>
    /// The site's own content: an original mark standing alone in the header ("原创", "本站原创", not "原创药"), or an
    /// article copyright claim naming the site under the text ("本文版权归某某网所有"). The site's name comes from the
    /// catalog, og:site_name or the title's site segment; with none of them there is nothing to credit.
    /// </summary>
    public static (string Value, string Rule)? FindOriginal(PageContext page, NodeInfo? title, IReadOnlyList<NodeInfo> body)
    {
        if (SiteName(page) is not { } site)
        {
            return null;
        }

        var vocabulary = page.Vocabulary;
        var text = page.Index.Text;
        var headerStart = title?.TextEnd ?? Math.Max(0, body[0].TextStart - ExtractionTuning.Default.BylineHeaderWindow);
        var headerEnd = Math.Min(text.Length, Math.Max(headerStart, body[0].TextStart) + 1);
        if (headerEnd > headerStart && vocabulary.OriginalMark.Match(text, headerStart, Math.Min(headerEnd - headerStart, ExtractionTuning.Default.BylineHeaderWindow)) is { Success: true } mark)
        {
            return (site, ExtractionVocabulary.Rule("generic:original-site", mark));
        }

        var tailStart = body[0].TextStart;
        var tailEnd = Math.Min(text.Length, body[^1].TextEnd + ExtractionTuning.Default.BylineAfterBodyWindow);
        for (var claim = vocabulary.CopyrightTo.Match(text, tailStart, tailEnd - tailStart); claim.Success; claim = claim.NextMatch())
        {
            var owner = claim.Groups["owner"].Value;
            if (owner.Contains(site, StringComparison.Ordinal) || site.Contains(owner, StringComparison.Ordinal))
            {
                return (site, "generic:original-site [original.copyright]");
            }
        }

        return null;
    }

    private static string? SiteName(PageContext page)
    {
        var name = page.Source?.Media ?? page.Meta("og:site_name", "application-name") ?? TitleFinder.SiteSegments(page.TitleTag).LastOrDefault();
        return name is not null && name.Length >= ExtractionTuning.Default.MinNameLength && name.Length <= ExtractionTuning.Default.SourceMaxSiteName ? name.Trim() : null;
    }

    /// <summary>The labelled name and the lexicon entry whose label matched ("labels.source: 来源").</summary>
    private static (string Name, string Rule)? Labelled(ExtractionVocabulary vocabulary, string text, int start, int end)
    {
        if (end <= start)
        {
            return null;
        }

        var match = vocabulary.SourceLine.Match(text, start, end - start);
        return match.Success && Clean(vocabulary, match.Groups["name"].Value) is { } name ? (name, ExtractionVocabulary.Rule("generic:source-line", match)) : null;
    }

    /// <summary>"北京市卫生健康委员会、北京市医院管理中心等": the bulletin prints one media, the first named.</summary>
    private static string FirstOfList(string name)
    {
        var cut = name.IndexOf('、');
        return cut >= ExtractionTuning.Default.MinNameLength ? name[..cut] : name;
    }

    /// <summary>
    /// The first date in the header with a bare name as its own element right after it (or, failing that, right before
    /// it). Being a whole element keeps prose out: the body's first sentence also follows the date, but never alone.
    /// </summary>
    private static string? DatelineName(PageContext page, int start, int end)
    {
        var index = page.Index;
        var text = index.Text;
        var date = HeaderDate().Match(text, start, end - start);
        if (!date.Success)
        {
            return null;
        }

        // After: skip separators, take the run up to the next space.
        var from = date.Index + date.Length;
        while (from < text.Length && IsDatelineSeparator(text[from]))
        {
            from++;
        }

        var to = from;
        while (to < text.Length && !TextUtil.IsSpace(text[to]) && text[to] != '\n')
        {
            to++;
        }

        if (AsMediaName(page, from, to, date.Index) is { } after)
        {
            return after;
        }

        // Before: the same, backwards from the date.
        to = date.Index;
        while (to > start && IsDatelineSeparator(text[to - 1]))
        {
            to--;
        }

        from = to;
        while (from > start && !TextUtil.IsSpace(text[from - 1]) && text[from - 1] != '\n')
        {
            from--;
        }

        return AsMediaName(page, from, to, date.Index);
    }

    private static bool IsDatelineSeparator(char c) => TextUtil.IsSpace(c) || c is '\n' or '·' or '|' or '｜' or '/' or '-' or '丨';

    private static string? AsMediaName(PageContext page, int from, int to, int dateAt)
    {
        var index = page.Index;
        var length = to - from;
        if (length < ExtractionTuning.Default.MinNameLength || length > ExtractionTuning.Default.SourceMaxDatelineMedia)
        {
            return null;
        }

        var token = index.Text.AsSpan(from, length);
        foreach (var c in token)
        {
            if (!char.IsLetter(c))
            {
                return null;
            }
        }

        // Chinese media names carry at least one CJK character; "PDF", "RSS" and button captions do not.
        var value = token.ToString();
        return value.Any(TextUtil.IsCjk) && !page.Vocabulary.NotAName.IsMatch(value) && !page.Vocabulary.FurnitureWord.IsMatch(value)
            && (IsWholeElement(index, from, to) || ClosesDateline(index, from, to, dateAt)) ? value : null;
    }

    /// <summary>
    /// Whether the name ends (or, before the date, starts) an element that also holds the date:
    /// <c>&lt;div class="info"&gt;2021年08月30日 09:15 某某日报&lt;/div&gt;</c>. Prose never closes the date's own element.
    /// </summary>
    private static bool ClosesDateline(DomIndex index, int from, int to, int dateAt)
    {
        var text = index.Text;
        var nodes = index.Nodes;
        var last = FirstAt(nodes, to) - 1;
        for (var node = last >= 0 ? nodes[last] : null; node is not null; node = node.Parent)
        {
            if (node.TextStart > Math.Min(from, dateAt) || node.TextEnd < Math.Max(to, dateAt))
            {
                continue;
            }

            var edge = from > dateAt ? text.AsSpan(to, node.TextEnd - to) : text.AsSpan(node.TextStart, from - node.TextStart);
            return edge.IsWhiteSpace() && node.TextLength <= ExtractionTuning.Default.BylineMaxLine;
        }

        return false;
    }

    /// <summary>Whether some element's text is exactly [from, to): nodes are in document order, so a binary search finds it.</summary>
    private static bool IsWholeElement(DomIndex index, int from, int to)
    {
        var nodes = index.Nodes;
        for (var i = FirstAt(nodes, from); i < nodes.Count && nodes[i].TextStart == from; i++)
        {
            if (nodes[i].TextEnd == to || (nodes[i].TextEnd > to && index.Text.AsSpan(to, nodes[i].TextEnd - to).IsWhiteSpace()))
            {
                return true;
            }
        }

        return false;
    }


    [GeneratedRegex(@"(?<![a-z])(?:source|laiyuan|origin)(?![a-z]*(?:link|url|icon|img|pic))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceClass();
}
