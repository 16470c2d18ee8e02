using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// The headline is the heading the &lt;title&gt; (or og:title) agrees with; the &lt;title&gt; alone carries site and
/// channel suffixes ("标题_科技_腾讯网"), so it is only the fallback, with the suffix cut.
/// </summary>
internal static partial class TitleFinder
{
    public static (string Title, NodeInfo? Node, string Rule)? Find(PageContext page, IEnumerable<string> references)
    {
        var index = page.Index;
        var tag = TextUtil.Squash(page.TitleTag);
        var headlineLength = TextUtil.Squash(StripSiteSuffix(page.TitleTag)).Length;
        var squashedReferences = references.Select(TextUtil.Squash).Where(r => r.Length >= ExtractionTuning.Default.TitleMinLength).ToList();
        NodeInfo? bestNode = null;
        string? bestText = null;
        var bestScore = 0.0;
        foreach (var node in index.Nodes)
        {
            if (node.TextLength < ExtractionTuning.Default.TitleMinLength || node.TextLength > ExtractionTuning.Default.TitleMaxLength || HeadingBonus(node) is var headingBonus && headingBonus < 0)
            {
                continue;
            }

            var text = TextUtil.Collapse(index.TextOf(node));
            var squashed = TextUtil.Squash(text);
            var score = MatchScore(squashed, tag, headlineLength, squashedReferences);
            if (score <= 0)
            {
                continue;
            }

            score += headingBonus;
            if (score > bestScore)
            {
                (bestNode, bestText, bestScore) = (node, text, score);
            }
        }

        if (bestNode is not null)
        {
            return (bestText!, bestNode, "generic:heading");
        }

        if (DatelineHeading(page, tag) is { } dateline)
        {
            return dateline;
        }

        var stripped = StripSiteSuffix(page.TitleTag);
        if (stripped.Length >= ExtractionTuning.Default.TitleMinLength)
        {
            return (stripped, FindHeadingNear(index, TextUtil.Squash(stripped)), "generic:title-tag");
        }

        var h1 = index.Nodes.FirstOrDefault(n => n.Node.Name == "h1" && n.TextLength >= ExtractionTuning.Default.TitleMinLength);
        return h1 is null ? null : (TextUtil.Collapse(index.TextOf(h1)), h1, "generic:h1");
    }

    /// <summary>
    /// When no heading agrees with the &lt;title&gt; (a CMS that titles every page "新闻动态--学会官网"), the headline is
    /// the heading the publish line follows: "发布时间：… 来源：…" sits right under the article's headline and under
    /// nothing else. Headings the &lt;title&gt; contains are channel or site names and are skipped.
    /// </summary>
    private static (string Title, NodeInfo? Node, string Rule)? DatelineHeading(PageContext page, string squashedTag)
    {
        var index = page.Index;
        NodeInfo? best = null;
        var bestGap = int.MaxValue;
        foreach (var node in index.Nodes)
        {
            // h5/h6 are sidebar boxes as often as headlines, so they count only with a publish line under them.
            if (node.TextLength < ExtractionTuning.Default.TitleMinLength || node.TextLength > ExtractionTuning.Default.TitleMaxLength || (node.Node.Name is not ("h5" or "h6") && HeadingBonus(node) < 0))
            {
                continue;
            }

            // The nearest heading above the publish line is the headline; breadcrumbs and channel names sit further up.
            var end = Math.Min(index.Text.Length, node.TextEnd + ExtractionTuning.Default.TitleDatelineWindow);
            var label = page.Vocabulary.DatelineLabel.Match(index.Text, node.TextEnd, end - node.TextEnd);
            if (!label.Success || label.Index - node.TextEnd >= bestGap
                || squashedTag.Contains(TextUtil.Squash(index.TextOf(node)), StringComparison.Ordinal))
            {
                continue;
            }

            (best, bestGap) = (node, label.Index - node.TextEnd);
        }

        return best is null ? null : (TextUtil.Collapse(index.TextOf(best)), best, "generic:dateline-heading");
    }

    /// <summary>Splits "headline_channel_site" style titles and keeps the longest part, which is almost always the headline.</summary>
    public static string StripSiteSuffix(string title)
    {
        var parts = TitleSeparators().Split(TextUtil.Collapse(title));
        var best = string.Empty;
        foreach (var part in parts)
        {
            var trimmed = part.Trim();
            if (trimmed.Length > best.Length)
            {
                best = trimmed;
            }
        }

        return best;
    }

    /// <summary>The parts of a "headline_channel_site" title other than the headline: the site and channel names.</summary>
    public static IEnumerable<string> SiteSegments(string title)
    {
        var parts = TitleSeparators().Split(TextUtil.Collapse(title)).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var headline = StripSiteSuffix(title);
        return parts.Count > 1 ? parts.Where(p => p != headline) : [];
    }

    /// <summary>Anchors a title taken from metadata to its on-page element, so dates next to it can be found.</summary>
    public static NodeInfo? FindHeadingNear(DomIndex index, string squashedTitle)
    {
        if (squashedTitle.Length < ExtractionTuning.Default.TitleMinLength)
        {
            return null;
        }

        foreach (var node in index.Nodes)
        {
            if (node.TextLength >= ExtractionTuning.Default.TitleMinLength && node.TextLength <= ExtractionTuning.Default.TitleMaxLength && HeadingBonus(node) >= 0
                && TextUtil.Squash(index.TextOf(node)) == squashedTitle)
            {
                return node;
            }
        }

        return null;
    }

    private static double MatchScore(string candidate, string tag, int headlineLength, List<string> references)
    {
        foreach (var reference in references)
        {
            if (reference == candidate)
            {
                return ExtractionTuning.Default.TitleExactMatchScore + candidate.Length;
            }
        }

        if (tag.Contains(candidate, StringComparison.Ordinal))
        {
            // Short headings contained in the <title> are usually the site or channel name.
            return candidate.Length >= headlineLength * ExtractionTuning.Default.TitleMinContainedShare ? candidate.Length : 0;
        }

        var prefix = CommonPrefix(candidate, tag);
        return prefix >= ExtractionTuning.Default.TitleMinTagPrefix && prefix >= candidate.Length * ExtractionTuning.Default.TitleMinPrefixShare ? prefix * ExtractionTuning.Default.TitleTagPrefixWeight : 0;
    }

    /// <summary>-1: not a heading candidate; otherwise a bonus that prefers h1 over h2 over class="title" blocks.</summary>
    private static double HeadingBonus(NodeInfo node)
    {
        switch (node.Node.Name)
        {
            case "h1":
                return ExtractionTuning.Default.TitleH1Bonus;
            case "h2":
                return ExtractionTuning.Default.TitleH2Bonus;
            case "h3":
            case "h4":
                return ExtractionTuning.Default.TitleH3Bonus;
            case "a":
            case "li":
            case "td":
            case "th":
                return -1;
        }

        if (node.Tags > ExtractionTuning.Default.TitleMaxInlineTags)
        {
            return -1;
        }

        var attributes = node.Node.Attributes;
        return IsTitleName(attributes["class"]?.Value) || IsTitleName(attributes["id"]?.Value) ? ExtractionTuning.Default.TitleClassBonus : -1;
    }

    private static bool IsTitleName(string? name) =>
        name is not null && (name.Contains("tit", StringComparison.OrdinalIgnoreCase) || name.Contains("headline", StringComparison.OrdinalIgnoreCase)
            || name.Contains("biaoti", StringComparison.OrdinalIgnoreCase)) && TitleNames().IsMatch(name);

    private static int CommonPrefix(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"\s*(?:[_|｜]|--|——|\s[-–—·]\s|(?<![A-Za-z0-9])-(?![A-Za-z0-9]))\s*", RegexOptions.CultureInvariant)]
    private static partial Regex TitleSeparators();


    [GeneratedRegex(@"title|headline|biaoti|(?<![a-z])tit(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleNames();
}
