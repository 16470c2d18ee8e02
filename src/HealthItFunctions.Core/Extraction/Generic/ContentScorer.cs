using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// Finds the element that holds the article body. Ideas from Readability (paragraph scores flow to ancestors, damped
/// with distance, then scaled by 1 - link density) and from the GNE paper (sentence punctuation marks prose; link text
/// marks navigation). Written for Chinese pages: a "paragraph" is any block's own text, since old pages break
/// paragraphs with &lt;br&gt; inside one cell instead of using &lt;p&gt;.
/// </summary>
internal static partial class ContentScorer
{
    /// <summary>How much of a paragraph's score reaches the block itself, its parent, grandparent, ...</summary>
    private static readonly double[] AncestorWeights = [1.0, 0.9, 0.5, 0.25, 0.15, 0.1];

    private const int MinParagraphLength = 8;

    public static NodeInfo? FindBest(DomIndex index)
    {
        foreach (var node in index.Nodes)
        {
            if (!node.IsBlock || node.OwnTextLength < MinParagraphLength)
            {
                continue;
            }

            var score = 1 + node.OwnPunctuation + Math.Min(node.OwnTextLength / 100.0, 3);
            var level = 0;
            for (var ancestor = node; ancestor is not null && level < AncestorWeights.Length; ancestor = ancestor.Parent)
            {
                if (ancestor.IsBlock)
                {
                    ancestor.ContentScore += score * AncestorWeights[level++];
                }
            }
        }

        NodeInfo? best = null;
        var bestScore = 0.0;
        foreach (var node in index.Nodes)
        {
            if (node.ContentScore <= 0)
            {
                continue;
            }

            var score = FinalScore(node);
            if (score > bestScore)
            {
                best = node;
                bestScore = score;
            }
        }

        return best;
    }

    public static double FinalScore(NodeInfo node) => node.ContentScore * (1 - node.LinkDensity) * ClassWeight(node);

    /// <summary>
    /// Readability-style sibling pass: bodies split over sibling blocks (a lead div and a text div, pages of &lt;p&gt;s
    /// where one long paragraph outscored its container) are joined back in document order.
    /// </summary>
    public static IReadOnlyList<NodeInfo> WithSiblings(DomIndex index, NodeInfo best)
    {
        if (best.Parent is null)
        {
            return [best];
        }

        var threshold = Math.Max(10, FinalScore(best) * 0.2);
        var result = new List<NodeInfo>();
        foreach (var child in best.Parent.Node.ChildNodes)
        {
            if (index.Find(child) is not { } sibling)
            {
                continue;
            }

            if (ReferenceEquals(sibling, best) || IsBodyLikeSibling(sibling, threshold))
            {
                result.Add(sibling);
            }
        }

        return result;
    }

    private static bool IsBodyLikeSibling(NodeInfo sibling, double threshold)
    {
        if (!sibling.IsBlock || sibling.LinkDensity > 0.25 || ClassWeight(sibling) < 1)
        {
            return false;
        }

        if (sibling.ContentScore > 0 && FinalScore(sibling) >= threshold)
        {
            return true;
        }

        var text = sibling.TextLength - sibling.LinkTextLength;
        return sibling.Node.Name == "p" && (text >= 60 || (text > 0 && sibling.Punctuation > 0 && sibling.LinkTextLength == 0));
    }

    /// <summary>Class and id names are hints only: they scale a score, they never decide alone.</summary>
    public static double ClassWeight(NodeInfo node)
    {
        var attributes = node.Node.Attributes;
        var id = attributes["id"]?.Value;
        var cls = attributes["class"]?.Value;
        if (id is null && cls is null)
        {
            return 1;
        }

        var names = string.Concat(id, " ", cls);
        var weight = 1.0;
        if (PositiveNames().IsMatch(names))
        {
            weight *= 1.3;
        }

        if (NegativeNames().IsMatch(names))
        {
            weight *= 0.4;
        }

        return weight;
    }

    [GeneratedRegex(@"(?<![a-z])(?:article|content|post|entry|text|body|main|story|detail|rich_media|zw(?![a-z])|txt|正文)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PositiveNames();

    [GeneratedRegex(@"(?<![a-z])(?:comment|reply|footer|foot(?![a-z])|nav|menu|sidebar|side(?![a-z])|related|relate|recommend|share|copyright|banner|breadcrumb|crumb|hot|rank|login|advert|ads?(?![a-z])|tool|social|sponsor|popup|widget|more|pager|pagination|tags?(?![a-z])|keyword)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex NegativeNames();
}
