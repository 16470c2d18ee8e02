namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// Where the body starts and ends once <see cref="ContentScorer"/> has chosen its block: narrower when short chrome
/// lifted a wrapper (step down to the child holding the prose), wider when the text continues in sibling blocks
/// (a lead above, paragraphs beside, an attached table several wrappers up).
/// </summary>
internal static class BodyBounds
{
    /// <summary>
    /// Short chrome blocks (an author card, a player bar, a share or "不喜欢" bar) add their scores to the wrapper they
    /// share with the text, which then outscores the tighter child that holds the prose. Steps down while one child
    /// block holds nearly all of the prose and nearly all sentence punctuation: what is left outside is chrome.
    /// </summary>
    public static NodeInfo StepDown(DomIndex index, NodeInfo node)
    {
        while (TighterChild(index, node) is { } child)
        {
            node = child;
        }

        return node;
    }

    /// <summary>
    /// The child block holding most (<see cref="ExtractionTuning.BodyMinTighterShare"/>) of the wrapper's prose and all but <see cref="ExtractionTuning.BodyMaxChromePunctuation"/> of its
    /// sentence punctuation. Comment threads are left out of both sums: they are dropped from the body anyway.
    /// </summary>
    private static NodeInfo? TighterChild(DomIndex index, NodeInfo node)
    {
        NodeInfo? largest = null;
        int prose = node.OwnTextLength, punctuation = node.OwnPunctuation;
        foreach (var element in node.Node.ChildNodes)
        {
            // Inline children's text is the wrapper's own text (OwnTextLength), already counted.
            if (element.NodeType != HtmlAgilityPack.HtmlNodeType.Element || index.Find(element) is not { IsBlock: true } child || child.InComment)
            {
                continue;
            }

            prose += child.TextLength - child.LinkTextLength;
            punctuation += child.Punctuation;
            if (!ContentScorer.IsHeading(child) && (largest is null || child.TextLength - child.LinkTextLength > largest.TextLength - largest.LinkTextLength))
            {
                largest = child;
            }
        }

        if (largest is null || prose <= 0 || largest.Punctuation == 0)
        {
            return null;
        }

        var childProse = largest.TextLength - largest.LinkTextLength;
        return childProse >= prose * ExtractionTuning.Default.BodyMinTighterShare && punctuation - largest.Punctuation <= ExtractionTuning.Default.BodyMaxChromePunctuation ? largest : null;
    }

    /// <summary>
    /// Readability-style sibling pass: bodies split over sibling blocks (a lead div and a text div, pages of &lt;p&gt;s
    /// where one long paragraph outscored its container) are joined back in document order.
    /// </summary>
    public static IReadOnlyList<NodeInfo> WithSiblings(DomIndex index, NodeInfo best)
    {
        var threshold = Math.Max(ExtractionTuning.Default.BodyMinSiblingScore, ContentScorer.FinalScore(index, best) * ExtractionTuning.Default.BodySiblingScoreShare);

        // Old pages wrap the body cell in td > tr > table chains; an attached table (附表, 附件) is then a sibling of the
        // outermost wrapper, several levels up. The wrappers hold nothing but the body, so their text is the body's.
        var anchor = best;
        while (anchor.Parent is { } wrapper && wrapper.Node.Name is "td" or "tr" or "tbody" or "table" && wrapper.TextLength == best.TextLength)
        {
            anchor = wrapper;
        }

        if (!ReferenceEquals(anchor, best) && Siblings(index, anchor, threshold) is { Count: > 1 } joined)
        {
            return joined;
        }

        return Siblings(index, best, threshold);
    }

    private static List<NodeInfo> Siblings(DomIndex index, NodeInfo best, double threshold)
    {
        if (best.Parent is null)
        {
            return [best];
        }

        var result = new List<NodeInfo>();
        NodeInfo? previous = null;
        foreach (var child in best.Parent.Node.ChildNodes)
        {
            if (index.Find(child) is not { } sibling)
            {
                continue;
            }

            if (ReferenceEquals(sibling, best))
            {
                if (previous is not null && !result.Contains(previous) && IsLead(index, previous))
                {
                    result.Add(previous);
                }

                result.Add(sibling);
            }
            else if (IsBodyLikeSibling(index, sibling, threshold))
            {
                result.Add(sibling);
            }

            previous = sibling;
        }

        return result;
    }

    /// <summary>
    /// The block right above the body that is a few complete sentences without links: the lead or summary (导语, 核心提示)
    /// that pages set apart from the text. Too short to pass the score threshold, yet part of the article.
    /// </summary>
    private static bool IsLead(DomIndex index, NodeInfo node)
    {
        if (!node.IsBlock || node.LinkTextLength > 0 || node.TextLength < ExtractionTuning.Default.BodyMinLeadLength || node.Punctuation < ExtractionTuning.Default.BodyMinAnchoredPunctuation
            || ContentScorer.ClassWeight(index, node) < 1)
        {
            return false;
        }

        var end = node.TextEnd;
        while (end > node.TextStart && TextUtil.IsSpace(index.Text[end - 1]))
        {
            end--;
        }

        return end > node.TextStart && index.Text[end - 1] is '。' or '！' or '？' or '…' or '”' or '」';
    }

    private static bool IsBodyLikeSibling(DomIndex index, NodeInfo sibling, double threshold)
    {
        if (!sibling.IsBlock || sibling.InComment || sibling.LinkDensity > ExtractionTuning.Default.BodyMaxSiblingLinkDensity || ContentScorer.ClassWeight(index, sibling) < 1)
        {
            return false;
        }

        if (sibling.ContentScore > 0 && ContentScorer.FinalScore(index, sibling) >= threshold)
        {
            return true;
        }

        var text = sibling.TextLength - sibling.LinkTextLength;
        return sibling.Node.Name == "p" && (text >= ExtractionTuning.Default.BodyMinSiblingParagraph || (text > 0 && sibling.Punctuation > 0 && sibling.LinkTextLength == 0));
    }
}
