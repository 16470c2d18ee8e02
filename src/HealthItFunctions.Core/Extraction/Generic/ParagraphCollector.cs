using System.Text;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>Turns the chosen body element(s) into text paragraphs and image URLs, skipping link lists and widgets inside them.</summary>
internal static partial class ParagraphCollector
{
    private const int MaxLeadImages = 3;
    private const int MinLinkListLinks = 3;

    /// <summary>A box holding its marker and links is a few headlines; a bare marker ("延伸阅读：") is a word or two.</summary>
    private const int MaxBoxMarkerBlock = 300;
    private const int MaxBareMarker = 20;

    public static (List<string> Paragraphs, List<string> Images) Collect(DomIndex index, IEnumerable<NodeInfo> roots, Uri? baseUrl)
    {
        var paragraphs = new List<string>();
        var images = new List<string>();
        var buffer = new StringBuilder();
        var stack = new Stack<(HtmlNode Node, bool Exit)>();
        HashSet<HtmlNode>? boxes = null;
        foreach (var root in roots)
        {
            stack.Push((root.Node, false));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (exit)
                {
                    Flush(buffer, paragraphs);
                    continue;
                }

                if (node.NodeType == HtmlNodeType.Text)
                {
                    var raw = ((HtmlTextNode)node).Text;
                    buffer.Append(raw.Contains('&') ? HtmlEntity.DeEntitize(raw) : raw);
                    continue;
                }

                if (node.NodeType != HtmlNodeType.Element)
                {
                    continue;
                }

                if (node.Name == "img")
                {
                    AddImage(node, baseUrl, images);
                    continue;
                }

                if (node.Name == "br")
                {
                    Flush(buffer, paragraphs);
                    continue;
                }

                // Unindexed elements are scripts, styles, form controls and hidden nodes.
                if (index.Find(node) is not { } info || (!ReferenceEquals(node, root.Node) && (IsWidget(index, info) || (info.InComment && !root.InComment)))
                    || (boxes is not null && boxes.Contains(node)) || (!ReferenceEquals(node, root.Node) && IsRelatedBox(index, info, ref boxes)))
                {
                    continue;
                }

                if (info.IsBlock)
                {
                    Flush(buffer, paragraphs);
                    stack.Push((node, true));
                }

                var children = node.ChildNodes;
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push((children[i], false));
                }
            }

            Flush(buffer, paragraphs);
        }

        return (paragraphs, images);
    }

    /// <summary>Link lists (related articles, tags, share bars) nested inside the body.</summary>
    private static bool IsWidget(DomIndex index, NodeInfo info)
    {
        var prose = info.TextLength - info.LinkTextLength;
        if (info.Links >= 2 && info.LinkDensity > 0.5 && prose < 60)
        {
            return true;
        }

        return info.Node.Name is "nav" or "aside" or "form" or "audio" or "video"
            || IsPlayer(info)
            || (ContentScorer.ClassWeight(index, info) < 1 && info.LinkDensity > 0.3 && prose < 200)
            || IsLinkList(info);
    }

    /// <summary>
    /// A 延伸阅读 / 相关链接 box set into the text, decided where link density is known: the marker block with its links
    /// inside it, or a bare marker line followed by sibling blocks that are mostly link text (those are added to
    /// <paramref name="boxes"/> and skipped when reached). The text after the box is kept.
    /// </summary>
    private static bool IsRelatedBox(DomIndex index, NodeInfo info, ref HashSet<HtmlNode>? boxes)
    {
        if (!info.IsBlock || info.TextLength is 0 or > MaxBoxMarkerBlock || !index.Vocabulary.Cleaner.EndMarker.IsMatch(index.Text.AsSpan(info.TextStart, Math.Min(24, info.TextLength)).TrimStart()))
        {
            return false;
        }

        if (info.Links > 0)
        {
            return info.LinkDensity >= 0.5;
        }

        if (info.TextLength > MaxBareMarker)
        {
            return false;
        }

        var found = false;
        for (var sibling = info.Node.NextSibling; sibling is not null; sibling = sibling.NextSibling)
        {
            if (sibling.NodeType == HtmlNodeType.Text && string.IsNullOrWhiteSpace(sibling.InnerText))
            {
                continue;
            }

            if (index.Find(sibling) is not { IsBlock: true, Links: > 0 } entry || entry.LinkDensity < 0.7)
            {
                break;
            }

            (boxes ??= []).Add(sibling);
            found = true;
        }

        return found;
    }

    /// <summary>Audio and video player controls (play, 00:00 / 03:25, 倍速) inside the body wrapper.</summary>
    private static bool IsPlayer(NodeInfo info) =>
        info.Node.HasAttributes && info.TextLength - info.LinkTextLength < 60
        && PlayerName().IsMatch(string.Concat(info.Node.Attributes["id"]?.Value, " ", info.Node.Attributes["class"]?.Value));

    [GeneratedRegex(@"(?<![a-z])(?:audio|video|player|vjs|jwplayer|voice)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlayerName();

    /// <summary>
    /// A list whose items are links with names, dates or counts beside them (follow-ups, "more from this author"): its
    /// text outside the links never forms a sentence, which the text's own lists and tables do.
    /// </summary>
    private static bool IsLinkList(NodeInfo info) =>
        info.Node.Name is "ul" or "ol" or "dl" or "table" && info.Links >= MinLinkListLinks && info.LinkDensity >= 0.25 && info.Punctuation == 0;

    private static void Flush(StringBuilder buffer, List<string> paragraphs)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        var text = TextUtil.Collapse(buffer.ToString());
        buffer.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }

    private static void AddImage(HtmlNode img, Uri? baseUrl, List<string> images)
    {
        if (images.Count >= MaxLeadImages)
        {
            return;
        }

        var source = img.GetAttributeValue("data-src", null) ?? img.GetAttributeValue("data-original", null) ?? img.GetAttributeValue("src", null);
        if (string.IsNullOrWhiteSpace(source) || source.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || IsIcon(img))
        {
            return;
        }

        source = HtmlEntity.DeEntitize(source.Trim());
        if (Uri.TryCreate(source, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            images.Add(absolute.ToString());
        }
        else if (source.StartsWith("//", StringComparison.Ordinal))
        {
            images.Add((baseUrl?.Scheme ?? "https") + ":" + source);
        }
        else if (baseUrl is not null && Uri.TryCreate(baseUrl, source, out var resolved))
        {
            images.Add(resolved.ToString());
        }
    }

    private static bool IsIcon(HtmlNode img) =>
        (int.TryParse(img.GetAttributeValue("width", ""), out var width) && width is > 0 and < 60)
        || (int.TryParse(img.GetAttributeValue("height", ""), out var height) && height is > 0 and < 60);
}
