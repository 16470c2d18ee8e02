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
    /// <summary>
    /// The densest block, corrected by reading order when it is one of several repeated posts (a blog front page, a
    /// forum thread, a teaser list under a short article): the article follows its headline, and a page of posts leads
    /// with the one a reader came for.
    /// </summary>
    public static NodeInfo? FindBest(DomIndex index, NodeInfo? headline)
    {
        CommentFinder.Mark(index);

        // Comments are left out first; a page whose only prose is in them (a comment-only view) still gets a body.
        if ((FindDensest(index, skipComments: true) ?? FindDensest(index, skipComments: false)) is not { } best)
        {
            return null;
        }

        var posts = RepeatedPosts(index, best);
        if (posts.Count < 2)
        {
            return headline is not null && AnchoredAcrossHeading(index, headline, best) is { } anchoredAbove ? anchoredAbove : best;
        }

        // The headline inside one of the posts is that post's own: it is the article.
        if (headline is not null && posts.Find(p => Contains(p, headline)) is { } own)
        {
            return Within(index, own, best);
        }

        // The densest block is one of several built alike. Only repetition unlocks this: a headline found in the wrong
        // place must not pull a lone article body away.
        if (headline is not null)
        {
            var next = posts.Find(p => p.TextStart >= headline.TextEnd);

            // Prose right under the headline, with a heading before the next post (its own headline or the list's
            // "you may also like"), is a short article and the posts are teasers of other stories. Without that heading
            // the prose is the lead of the post that follows, and that post is the article.
            if (AnchoredToHeadline(index, headline, posts) is { } anchored
                && (next is null || HasHeading(index, anchored.TextEnd, next.TextEnd)))
            {
                return anchored;
            }

            if (next is not null)
            {
                return Within(index, next, best);
            }
        }

        // A blog front page or a forum thread without a known headline: the first post is the one the page is about.
        return Within(index, posts[0], best);
    }

    /// <summary>
    /// The text block of a chosen post: the densest block itself when the post holds it, else the post's best-scoring
    /// block, so that a repeating unit found among the ancestors (post wrapper, author column and all) is not taken whole.
    /// </summary>
    private static NodeInfo Within(DomIndex index, NodeInfo post, NodeInfo densest)
    {
        if (Contains(post, densest))
        {
            return densest;
        }

        NodeInfo chosen = post;
        var chosenScore = post.ContentScore > 0 ? FinalScore(index, post) : 0;
        foreach (var node in index.Nodes)
        {
            if (node.TextStart > post.TextEnd)
            {
                break;
            }

            if (node.TextStart < post.TextStart || node.ContentScore <= 0 || !Contains(post, node))
            {
                continue;
            }

            var score = FinalScore(index, node);
            if (score > chosenScore && node.TextLength >= post.TextLength * ExtractionTuning.Default.BodyMinPostCoreShare)
            {
                (chosen, chosenScore) = (node, score);
            }
        }

        return chosen;
    }

    /// <summary>
    /// An appended next article or recommendation can outscore a short article: when a heading sits between the page's
    /// headline and the densest block, prose anchored right under the headline, ending before that heading, is the article.
    /// </summary>
    private static NodeInfo? AnchoredAcrossHeading(DomIndex index, NodeInfo headline, NodeInfo best)
    {
        if (best.TextStart < headline.TextEnd || Contains(best, headline))
        {
            return null;
        }

        return AnchoredToHeadline(index, headline, [best]) is { } anchored
            && !ReferenceEquals(anchored.Parent, best.Parent)
            && anchored.TextEnd <= best.TextStart
            && HasHeading(index, anchored.TextEnd, best.TextStart)
            ? anchored
            : null;
    }

    /// <summary>Readability's candidate: the block whose paragraphs (with their ancestors' shares) score highest.</summary>
    public static NodeInfo? FindDensest(DomIndex index, bool skipComments = false)
    {
        foreach (var node in index.Nodes)
        {
            node.ContentScore = 0;
        }

        foreach (var node in index.Nodes)
        {
            if (!node.IsBlock || node.OwnTextLength < ExtractionTuning.Default.BodyMinParagraphLength || (skipComments && node.InComment))
            {
                continue;
            }

            var score = 1 + node.OwnPunctuation + Math.Min(node.OwnTextLength / ExtractionTuning.Default.BodyCharsPerPoint, ExtractionTuning.Default.BodyMaxLengthPoints);
            var level = 0;
            for (var ancestor = node; ancestor is not null && level < ExtractionTuning.Default.BodyAncestorWeights.Count; ancestor = ancestor.Parent)
            {
                if (ancestor.IsBlock)
                {
                    ancestor.ContentScore += score * ExtractionTuning.Default.BodyAncestorWeights[level++];
                }
            }
        }

        NodeInfo? best = null;
        var bestScore = 0.0;
        foreach (var node in index.Nodes)
        {
            if (node.ContentScore <= 0 || !ReadsLikeProse(node) || (skipComments && node.InComment))
            {
                continue;
            }

            var score = FinalScore(index, node);
            if (score > bestScore)
            {
                best = node;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// Blocks built like <paramref name="best"/> (same tag and class) under other parents, each with a post's worth of
    /// prose, in document order. Paragraphs of one body share a parent, so they never count as separate posts.
    /// </summary>
    internal static List<NodeInfo> RepeatedPosts(DomIndex index, NodeInfo best)
    {
        var posts = BuiltLike(index, best, allowSiblings: false);
        if (posts.Count >= 2)
        {
            return posts;
        }

        // The densest block often sits inside one post's wrapper (author column, body cell): the unit that repeats is
        // an ancestor. Those units are whole posts, so siblings count, unlike the paragraphs of one body.
        var level = 0;
        for (var ancestor = best.Parent; ancestor is not null && level < ExtractionTuning.Default.BodyAncestorWeights.Count; ancestor = ancestor.Parent, level++)
        {
            if (ancestor.Node.Name is "html" or "body" or "p")
            {
                break;
            }

            posts = BuiltLike(index, ancestor, allowSiblings: true);
            if (posts.Count >= 2)
            {
                return posts;
            }
        }

        return [];
    }

    private static List<NodeInfo> BuiltLike(DomIndex index, NodeInfo unit, bool allowSiblings)
    {
        var posts = new List<NodeInfo>();
        var cls = unit.Node.Attributes["class"]?.Value;
        if (string.IsNullOrWhiteSpace(cls) || !IsPost(unit))
        {
            return posts;
        }

        var name = unit.Node.Name;
        foreach (var node in index.Nodes)
        {
            if (ReferenceEquals(node, unit))
            {
                posts.Add(node);
                continue;
            }

            if (node.Node.Name == name && (allowSiblings || node.Parent != unit.Parent) && IsPost(node)
                && string.Equals(node.Node.Attributes["class"]?.Value, cls, StringComparison.Ordinal)
                && !Contains(node, unit) && !Contains(unit, node))
            {
                posts.Add(node);
            }
        }

        return posts;
    }

    private static bool IsPost(NodeInfo node) =>
        node.TextLength - node.LinkTextLength >= ExtractionTuning.Default.BodyMinPostProse && node.Punctuation >= ExtractionTuning.Default.BodyMinPostPunctuation && node.LinkDensity < ExtractionTuning.Default.BodyMaxPostLinkDensity;

    /// <summary>
    /// The best-scoring prose block that starts just under the headline: within <see cref="ExtractionTuning.BodyMaxHeadlineGap"/>
    /// characters of text and before the first repeated post, since a short article followed by a teaser list must not
    /// lose to the first teaser. Containers of the posts are the list, not the article.
    /// </summary>
    private static NodeInfo? AnchoredToHeadline(DomIndex index, NodeInfo headline, List<NodeInfo> posts)
    {
        var windowEnd = headline.TextEnd + ExtractionTuning.Default.BodyMaxHeadlineGap;
        foreach (var post in posts)
        {
            if (post.TextStart >= headline.TextEnd)
            {
                windowEnd = Math.Min(windowEnd, post.TextStart);
                break;
            }
        }

        NodeInfo? anchored = null;
        var anchoredScore = 0.0;
        foreach (var node in index.Nodes)
        {
            if (node.TextStart < headline.TextEnd)
            {
                continue;
            }

            if (node.TextStart >= windowEnd)
            {
                break;
            }

            if (node.ContentScore <= 0 || IsHeading(node) || node.TextLength - node.LinkTextLength < ExtractionTuning.Default.BodyMinAnchoredProse || node.Punctuation < ExtractionTuning.Default.BodyMinAnchoredPunctuation
                || node.LinkDensity > ExtractionTuning.Default.BodyMaxPostLinkDensity || SwallowsAnother(node, posts))
            {
                continue;
            }

            var score = FinalScore(index, node);
            if (score > anchoredScore)
            {
                (anchored, anchoredScore) = (node, score);
            }
        }

        return anchored;
    }

    private static bool HasHeading(DomIndex index, int from, int to)
    {
        foreach (var node in index.Nodes)
        {
            if (node.TextStart >= to)
            {
                break;
            }

            if (node.TextStart >= from && node.TextLength > 0 && IsHeading(node))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsHeading(NodeInfo node) => node.Node.Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    /// <summary>A container of two or more posts, or of one post and more, is the list, not the article.</summary>
    private static bool SwallowsAnother(NodeInfo node, List<NodeInfo> posts)
    {
        foreach (var post in posts)
        {
            if (!ReferenceEquals(node, post) && Contains(node, post))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    private static bool Contains(NodeInfo outer, NodeInfo inner)
    {
        for (var node = inner; node is not null; node = node.Parent)
        {
            if (ReferenceEquals(node, outer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The prose gate as a candidate filter: a list of reply titles or menu items with no sentence punctuation, or
    /// mostly link text, can outscore a short post, and picking it would throw the page away instead of trying the next block.
    /// </summary>
    public static bool ReadsLikeProse(NodeInfo node) => node.Punctuation > 0 && node.LinkTextLength <= node.TextLength * ExtractionTuning.Default.BodyMaxProseLinkShare;

    public static double FinalScore(DomIndex index, NodeInfo node) => node.ContentScore * (1 - node.LinkDensity) * ClassWeight(index, node);

    /// <summary>Class and id names are hints only: they scale a score, they never decide alone.</summary>
    public static double ClassWeight(DomIndex index, NodeInfo node) => node.ClassWeight ??= ComputeClassWeight(index, node);

    private static double ComputeClassWeight(DomIndex index, NodeInfo node)
    {
        if (!node.Node.HasAttributes)
        {
            return 1;
        }

        var attributes = node.Node.Attributes;
        var id = attributes["id"]?.Value;
        var cls = attributes["class"]?.Value;
        if (id is null && cls is null)
        {
            return 1;
        }

        var names = string.Concat(id, " ", cls);
        // "recommend-content", "related-article": a negative name is what the block is, the positive one what it holds.
        if (NegativeNames().IsMatch(names))
        {
            return ExtractionTuning.Default.BodyNegativeClassWeight;
        }

        return index.Vocabulary.ContentClass.IsMatch(names) ? ExtractionTuning.Default.BodyContentClassWeight : 1.0;
    }


    [GeneratedRegex(@"(?<![a-z])(?:comment|reply|footer|foot(?![a-z])|nav|menu|sidebar|side(?![a-z])|related|relate|recommend|share|copyright|banner|breadcrumb|crumb|hot|rank|login|advert|ads?(?![a-z])|tool|social|sponsor|popup|widget|more|pager|pagination|tags?(?![a-z])|keyword)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex NegativeNames();
}
