namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// Marks comment threads before scoring. A thread of dozens of short replies carries more punctuation than the post
/// above it, and scaling the thread's own container down does not stop its text from lifting the ancestor it shares
/// with the post. So comment text is kept out of scoring and collecting, unless nothing but comments reads as prose.
/// </summary>
internal static class CommentFinder
{
    public static void Mark(DomIndex index)
    {
        if (index.CommentsMarked)
        {
            return;
        }

        index.CommentsMarked = true;
        foreach (var node in index.Nodes)
        {
            if (node.IsBlock && node.Node.Name is not ("html" or "body") && node.Node.HasAttributes && HasCommentName(index, node))
            {
                node.IsCommentRoot = true;
            }

            MarkRepliesBelow(index, node);
        }

        // Parents precede children in document order, so one pass hands the mark down.
        foreach (var node in index.Nodes)
        {
            node.InComment = node.IsCommentRoot || node.Parent is { InComment: true };
        }
    }

    private static bool HasCommentName(DomIndex index, NodeInfo node)
    {
        var names = string.Concat(node.Node.Attributes["id"]?.Value, " ", node.Node.Attributes["class"]?.Value);
        return names.Length > 1 && index.Vocabulary.CommentName.IsMatch(names);
    }

    /// <summary>
    /// Children of <paramref name="parent"/> built alike (tag and class), each short and each with a time of day: the
    /// "name + time + short text" shape of a reply thread, whatever its class names say.
    /// </summary>
    private static void MarkRepliesBelow(DomIndex index, NodeInfo parent)
    {
        if (!parent.IsBlock || parent.TextLength < ExtractionTuning.Default.CommentMinThreadReplies * ExtractionTuning.Default.CommentMinCharsPerReply)
        {
            return;
        }

        List<NodeInfo>? run = null;
        foreach (var child in parent.Node.ChildNodes)
        {
            if (child.NodeType != HtmlAgilityPack.HtmlNodeType.Element || child.Name is not ("div" or "li" or "dl" or "article" or "section")
                || index.Find(child) is not { } info || info.TextLength == 0)
            {
                continue;
            }

            if (run is { Count: > 0 } && !BuiltAlike(run[0], info))
            {
                MarkIfThread(index, run);
                run.Clear();
            }

            (run ??= []).Add(info);
        }

        if (run is not null)
        {
            MarkIfThread(index, run);
        }
    }

    private static bool BuiltAlike(NodeInfo a, NodeInfo b) =>
        a.Node.Name == b.Node.Name && string.Equals(a.Node.GetAttributeValue("class", ""), b.Node.GetAttributeValue("class", ""), StringComparison.Ordinal);

    private static void MarkIfThread(DomIndex index, List<NodeInfo> run)
    {
        if (run.Count < ExtractionTuning.Default.CommentMinThreadReplies)
        {
            return;
        }

        foreach (var reply in run)
        {
            if (reply.TextLength > ExtractionTuning.Default.CommentMaxReplyLength || reply.LinkDensity >= ExtractionTuning.Default.CommentMaxReplyLinkDensity || !StartsWithTime(index, reply))
            {
                return;
            }
        }

        foreach (var reply in run)
        {
            reply.IsCommentRoot = true;
        }
    }

    /// <summary>The time sits in the reply's header (its first 60 characters), not somewhere in its text.</summary>
    private static bool StartsWithTime(DomIndex index, NodeInfo reply)
    {
        var length = Math.Min(ExtractionTuning.Default.CommentReplyHeader, reply.TextEnd - reply.TextStart);
        return index.Vocabulary.RecentTime.Match(index.Text, reply.TextStart, length).Success;
    }

}
