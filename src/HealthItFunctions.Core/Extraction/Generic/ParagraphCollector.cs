using System.Text;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// The body as collected: paragraphs with the text node each one starts at (captions are told apart by their markup),
/// the pictures in order with the paragraph index they precede, and the first few picture URLs as lead images.
/// </summary>
internal sealed record CollectedBody(List<string> Paragraphs, List<HtmlNode?> Origins, List<CollectedPicture> Pictures, List<string> Images)
{
    public void Deconstruct(out List<string> paragraphs, out List<string> images)
    {
        paragraphs = Paragraphs;
        images = Images;
    }
}

/// <param name="RawIndex">Index in <see cref="CollectedBody.Paragraphs"/> of the first paragraph after the picture.</param>
internal sealed record CollectedPicture(int RawIndex, string Url, string? Alt, HtmlNode Node);

/// <summary>Turns the chosen body element(s) into text paragraphs and image URLs, skipping link lists and widgets inside them.</summary>
internal static partial class ParagraphCollector
{
    public static CollectedBody Collect(DomIndex index, IEnumerable<NodeInfo> roots, Uri? baseUrl)
    {
        var paragraphs = new List<string>();
        var origins = new List<HtmlNode?>();
        HtmlNode? origin = null;
        var pictures = new List<CollectedPicture>();
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
                    Flush(buffer, paragraphs, origins, ref origin);
                    continue;
                }

                if (node.NodeType == HtmlNodeType.Text)
                {
                    var raw = ((HtmlTextNode)node).Text;
                    if (origin is null && !string.IsNullOrWhiteSpace(raw))
                    {
                        origin = node;
                    }

                    buffer.Append(raw.Contains('&') ? HtmlEntity.DeEntitize(raw) : raw);
                    continue;
                }

                if (node.NodeType != HtmlNodeType.Element)
                {
                    continue;
                }

                if (node.Name == "img")
                {
                    if (ImageUrl(node, baseUrl) is { } url)
                    {
                        // Text already in the buffer is the paragraph the picture follows.
                        var before = origin is null ? paragraphs.Count : paragraphs.Count + 1;
                        pictures.Add(new CollectedPicture(before, url, AltText(node), node));
                        if (images.Count < ExtractionTuning.Default.BodyMaxLeadImages)
                        {
                            images.Add(url);
                        }
                    }

                    continue;
                }

                if (node.Name == "br")
                {
                    Flush(buffer, paragraphs, origins, ref origin);
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
                    Flush(buffer, paragraphs, origins, ref origin);
                    stack.Push((node, true));
                }

                var children = node.ChildNodes;
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push((children[i], false));
                }
            }

            Flush(buffer, paragraphs, origins, ref origin);
        }

        return new CollectedBody(paragraphs, origins, pictures, images);
    }

    /// <summary>Link lists (related articles, tags, share bars) nested inside the body.</summary>
    private static bool IsWidget(DomIndex index, NodeInfo info)
    {
        var prose = info.TextLength - info.LinkTextLength;
        if (info.Links >= 2 && info.LinkDensity > ExtractionTuning.Default.BodyMaxLinkBlockDensity && prose < ExtractionTuning.Default.BodyMinLinkBlockProse)
        {
            return true;
        }

        return info.Node.Name is "nav" or "aside" or "form" or "audio" or "video"
            || IsPlayer(info)
            || (ContentScorer.ClassWeight(index, info) < 1 && info.LinkDensity > ExtractionTuning.Default.BodyMaxOffClassLinkDensity && prose < ExtractionTuning.Default.BodyMinOffClassProse)
            || IsLinkList(info);
    }

    /// <summary>
    /// A 延伸阅读 / 相关链接 box set into the text, decided where link density is known: the marker block with its links
    /// inside it, or a bare marker line followed by sibling blocks that are mostly link text (those are added to
    /// <paramref name="boxes"/> and skipped when reached). The text after the box is kept.
    /// </summary>
    private static bool IsRelatedBox(DomIndex index, NodeInfo info, ref HashSet<HtmlNode>? boxes)
    {
        if (!info.IsBlock || info.TextLength == 0 || info.TextLength > ExtractionTuning.Default.BodyMaxBoxMarkerBlock || !index.Vocabulary.Cleaner.EndMarker.IsMatch(index.Text.AsSpan(info.TextStart, Math.Min(ExtractionTuning.Default.BodyBoxMarkerReach, info.TextLength)).TrimStart()))
        {
            return false;
        }

        if (info.Links > 0)
        {
            return info.LinkDensity >= ExtractionTuning.Default.BodyMinBoxLinkDensity;
        }

        if (info.TextLength > ExtractionTuning.Default.BodyMaxBareMarker)
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

            if (index.Find(sibling) is not { IsBlock: true, Links: > 0 } entry || entry.LinkDensity < ExtractionTuning.Default.BodyMinMarkedListDensity)
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
        info.Node.HasAttributes && info.TextLength - info.LinkTextLength < ExtractionTuning.Default.BodyMaxPlayerProse
        && PlayerName().IsMatch(string.Concat(info.Node.Attributes["id"]?.Value, " ", info.Node.Attributes["class"]?.Value));

    [GeneratedRegex(@"(?<![a-z])(?:audio|video|player|vjs|jwplayer|voice)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlayerName();

    /// <summary>
    /// A list whose items are links with names, dates or counts beside them (follow-ups, "more from this author"): its
    /// text outside the links never forms a sentence, which the text's own lists and tables do.
    /// </summary>
    private static bool IsLinkList(NodeInfo info) =>
        info.Node.Name is "ul" or "ol" or "dl" or "table" && info.Links >= ExtractionTuning.Default.BodyMinLinkListLinks && info.LinkDensity >= ExtractionTuning.Default.BodyMinLinkListDensity && info.Punctuation == 0;

    private static void Flush(StringBuilder buffer, List<string> paragraphs, List<HtmlNode?> origins, ref HtmlNode? origin)
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
            origins.Add(origin);
        }

        origin = null;
    }

    /// <summary>
    /// Lazy-loading pages keep the real address in a data attribute and a placeholder (a data: URI, a grey GIF) in src;
    /// WeChat's data-src is the best-known case. The data attributes therefore win over src.
    /// </summary>
    private static readonly string[] SourceAttributes = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-url", "src"];

    private static string? ImageUrl(HtmlNode img, Uri? baseUrl)
    {
        if (IsIcon(img))
        {
            return null;
        }

        var source = SourceAttributes
            .Select(name => img.GetAttributeValue(name, null))
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value) && !value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        if (source is null)
        {
            return null;
        }

        source = HtmlEntity.DeEntitize(source.Trim());
        // On Unix "/a/b.jpg" parses as an absolute file: URI, so only http(s) counts as absolute here.
        if (Uri.TryCreate(source, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        if (source.StartsWith("//", StringComparison.Ordinal))
        {
            return (baseUrl?.Scheme ?? "https") + ":" + source;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, source, out var resolved) && resolved.Scheme is "http" or "https" ? resolved.ToString() : null;
    }

    private static string? AltText(HtmlNode img)
    {
        var alt = img.GetAttributeValue("alt", null) ?? img.GetAttributeValue("title", null);
        return string.IsNullOrWhiteSpace(alt) ? null : TextUtil.Collapse(HtmlEntity.DeEntitize(alt));
    }

    private static bool IsIcon(HtmlNode img) =>
        (int.TryParse(img.GetAttributeValue("width", ""), out var width) && width > 0 && width < ExtractionTuning.Default.BodyMinPictureSide)
        || (int.TryParse(img.GetAttributeValue("height", ""), out var height) && height > 0 && height < ExtractionTuning.Default.BodyMinPictureSide);
}
