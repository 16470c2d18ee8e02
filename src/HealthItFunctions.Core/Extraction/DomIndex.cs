using HealthItFunctions.Core.Extraction.Lexicon;
using System.Text;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Extraction;

/// <summary>Per-element statistics gathered bottom-up in one walk; the generic extractor scores these.</summary>
internal sealed class NodeInfo(DomNode node, NodeInfo? parent, bool isBlock)
{
    public DomNode Node { get; } = node;

    public NodeInfo? Parent { get; } = parent;

    public bool IsBlock { get; } = isBlock;

    /// <summary>Nearest block-level ancestor-or-self; inline text is credited to it.</summary>
    public NodeInfo? Block { get; init; }

    /// <summary>Non-whitespace characters in the subtree.</summary>
    public int TextLength { get; set; }

    public int LinkTextLength { get; set; }

    /// <summary>Sentence punctuation outside links: GNE's signal that text is prose, not labels.</summary>
    public int Punctuation { get; set; }

    public int Tags { get; set; }

    public int Links { get; set; }

    /// <summary>Text whose nearest block is this node, outside links: a "paragraph" in Readability's sense.</summary>
    public int OwnTextLength { get; set; }

    public int OwnPunctuation { get; set; }

    public double ContentScore { get; set; }

    /// <summary>A comment or reply container, by its class/id or by the repeated "name + time + short text" shape.</summary>
    public bool IsCommentRoot { get; set; }

    /// <summary>Inside a comment subtree (or its root): such text never lifts the blocks around it.</summary>
    public bool InComment { get; set; }

    /// <summary>The class/id hint weight, cached: several passes ask for it and it costs two regex scans.</summary>
    public double? ClassWeight { get; set; }

    /// <summary>Span of this subtree in <see cref="DomIndex.Text"/>.</summary>
    public int TextStart { get; set; }

    public int TextEnd { get; set; }

    public NodeInfo? EffectiveBlock => IsBlock ? this : Block;

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkTextLength / TextLength;
}

internal sealed class DomIndex
{
    private static readonly HashSet<string> Invisible = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "object", "embed", "iframe", "select", "textarea", "button", "input", "option", "map",
    };

    internal static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "html", "body", "div", "p", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "form",
        "fieldset", "figure", "figcaption", "center", "hr", "br", "address", "details", "summary", "dialog", "menu",
    };

    /// <summary>Indexed elements by <see cref="DomNode.Ordinal"/>: an array read, no hashing.</summary>
    private readonly NodeInfo?[] _byNode;

    /// <summary>Inline script elements; their text is copied out only if a layer asks (<see cref="Scripts"/>).</summary>
    private readonly List<DomNode> _scriptNodes;
    private List<string>? _scripts;

    /// <summary>The compiled extraction lexicon in force for this page.</summary>
    public required ExtractionVocabulary Vocabulary { get; init; }

    private DomIndex(List<NodeInfo> nodes, NodeInfo?[] byNode, string text, Dictionary<string, string> metas,
        string titleTag, List<DomNode> scriptNodes, List<string> jsonLd, string? language)
    {
        Nodes = nodes;
        _byNode = byNode;
        Text = text;
        Metas = metas;
        TitleTag = titleTag;
        _scriptNodes = scriptNodes;
        JsonLd = jsonLd;
        Language = language;
    }

    /// <summary>Elements in document order.</summary>
    public IReadOnlyList<NodeInfo> Nodes { get; }

    /// <summary>Set once <see cref="Generic.CommentFinder"/> has marked the comment subtrees.</summary>
    public bool CommentsMarked { get; set; }

    /// <summary>The visible text of the page in document order, blocks separated by newlines.</summary>
    public string Text { get; }

    /// <summary>meta name/property/itemprop (lower-cased) to content; the first occurrence wins.</summary>
    public IReadOnlyDictionary<string, string> Metas { get; }

    public string TitleTag { get; }

    /// <summary>
    /// Inline scripts' text in document order. Built on first use: scripts are often most of a page's bytes, and only
    /// a few layers (WeChat's <c>var ct</c>, script-written dates) read them, on few pages.
    /// </summary>
    public IReadOnlyList<string> Scripts => _scripts ??= ReadScripts(_scriptNodes);

    public IReadOnlyList<string> JsonLd { get; }

    /// <summary>The &lt;html lang&gt; attribute, if any.</summary>
    public string? Language { get; }

    /// <summary>The visible text of an indexed element, as laid out in <see cref="Text"/>.</summary>
    public string TextOf(NodeInfo node) => Text[node.TextStart..node.TextEnd];

    /// <summary>The deepest node whose text holds position <paramref name="at"/> (nodes are in document order).</summary>
    public NodeInfo? NodeAt(int at)
    {
        int lo = 0, hi = Nodes.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Nodes[mid].TextStart <= at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        // Nodes[lo - 1] starts at or before the position; climb until one also ends after it.
        for (var node = lo > 0 ? Nodes[lo - 1] : null; node is not null; node = node.Parent)
        {
            if (node.TextEnd > at)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>The visible text of any element; one the walk skipped (hidden, a form control) falls back to its markup's text.</summary>
    public string TextOf(DomNode node) => Find(node) is { } info ? TextOf(info) : node.InnerText;

    public NodeInfo? Find(DomNode node) =>
        (uint)node.Ordinal < (uint)_byNode.Length && _byNode[node.Ordinal] is { } info && ReferenceEquals(info.Node, node) ? info : null;

    /// <summary>The indexed element itself or its nearest indexed ancestor.</summary>
    public NodeInfo? FindOrAncestor(DomNode? node)
    {
        for (; node is not null; node = node.ParentNode)
        {
            if (Find(node) is { } info)
            {
                return info;
            }
        }

        return null;
    }

    /// <param name="vocabulary">The compiled lexicon the finders read through this index.</param>
    public static DomIndex Build(DomNode root, ExtractionVocabulary vocabulary)
    {
        var nodes = new List<NodeInfo>(1024);
        var byNode = new NodeInfo?[root.Document.ElementCount];
        var text = new StringBuilder(16 * 1024);
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var scripts = new List<DomNode>();
        var jsonLd = new List<string>();
        string titleTag = string.Empty;
        string? language = null;
        NodeInfo? current = null;
        var linkDepth = 0;

        // Iterative over the tree's links: badly nested old pages (unclosed <font>, <p>) nest deeper than recursion safely allows.
        var node = root.FirstChild;
        while (node is not null)
        {
            if (Enter(node) && node.FirstChild is { } child)
            {
                node = child;
                continue;
            }

            // Leave: the node itself when it was an indexed element without children, then each ancestor left behind.
            if (current is not null && ReferenceEquals(current.Node, node))
            {
                Exit(current);
            }

            while (node is not null && node.NextSibling is null)
            {
                node = node.ParentNode;
                if (node is null || ReferenceEquals(node, root))
                {
                    node = null;
                    break;
                }

                Exit(current!);
            }

            node = node?.NextSibling;
        }

        return new DomIndex(nodes, byNode, text.ToString(), metas, titleTag, scripts, jsonLd, language)
        {
            Vocabulary = vocabulary,
        };

        // True when the node is an indexed element whose children are walked.
        bool Enter(DomNode node)
        {
            if (node.NodeType == DomNodeType.Text)
            {
                if (current is not null)
                {
                    AppendText(node, current, linkDepth > 0, text);
                }

                return false;
            }

            if (node.NodeType != DomNodeType.Element)
            {
                return false;
            }

            var name = node.Name;
            if (name == "html")
            {
                language ??= NullIfEmpty(node.GetAttributeValue("lang", null) ?? node.GetAttributeValue("xml:lang", null));
            }

            if (Invisible.Contains(name) || name is "meta" or "title" or "link")
            {
                CollectHeadData(node, metas, scripts, jsonLd, ref titleTag);
                return false;
            }

            if (IsHidden(node))
            {
                return false;
            }

            var isBlock = BlockTags.Contains(name);
            var info = new NodeInfo(node, current, isBlock)
            {
                Block = isBlock ? null : current?.EffectiveBlock,
                TextStart = text.Length,
                Tags = 1,
            };
            if (isBlock)
            {
                AppendBreak(text);
                info.TextStart = text.Length;
            }

            if (name == "a")
            {
                linkDepth++;
                if (node.HasAttribute("href"))
                {
                    info.Links = 1;
                }
            }

            nodes.Add(info);
            byNode[node.Ordinal] = info;
            current = info;
            return true;
        }

        void Exit(NodeInfo exit)
        {
            exit.TextEnd = text.Length;
            if (exit.Node.Name == "a")
            {
                linkDepth--;
            }

            if (exit.IsBlock)
            {
                AppendBreak(text);
            }
            else if (text.Length > 0 && char.IsAsciiDigit(text[^1]))
            {
                // <span>18-03-08</span><span>23:16</span> renders apart; glued, the date and time would read as one number.
                text.Append(' ');
            }

            if (exit.Parent is { } parent)
            {
                parent.TextLength += exit.TextLength;
                parent.LinkTextLength += exit.LinkTextLength;
                parent.Punctuation += exit.Punctuation;
                parent.Tags += exit.Tags;
                parent.Links += exit.Links;
            }

            current = exit.Parent;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsHidden(DomNode node)
    {
        if (!node.HasAttributes)
        {
            return false;
        }

        if (node.HasAttribute("hidden"))
        {
            return true;
        }

        var style = node.GetAttributeValue("style", null);
        return style is not null && style.Contains("display", StringComparison.OrdinalIgnoreCase) && TextUtil.DisplayNone().IsMatch(style);
    }

    private static void AppendBreak(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            if (text[^1] == ' ')
            {
                text.Length--;
            }

            text.Append('\n');
        }
    }

    private static void AppendText(DomNode node, NodeInfo owner, bool inLink, StringBuilder text)
    {
        // Text without character references is read straight from the source: no string per text node.
        var raw = node.RawText;
        var value = raw.Contains('&') ? node.Text.AsSpan() : raw;
        var length = 0;
        var punctuation = 0;
        foreach (var c in value)
        {
            if (TextUtil.IsSpace(c))
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n'))
                {
                    text.Append(' ');
                }

                continue;
            }

            text.Append(c);
            length++;
            if (TextUtil.IsSentencePunctuation(c))
            {
                punctuation++;
            }
        }

        if (length == 0)
        {
            return;
        }

        owner.TextLength += length;
        if (inLink)
        {
            owner.LinkTextLength += length;
            return;
        }

        owner.Punctuation += punctuation;
        if (owner.EffectiveBlock is { } block)
        {
            block.OwnTextLength += length;
            block.OwnPunctuation += punctuation;
        }
    }

    private static List<string> ReadScripts(List<DomNode> nodes)
    {
        var scripts = new List<string>(nodes.Count);
        foreach (var node in nodes)
        {
            if (ScriptText(node) is { Length: > 0 } script)
            {
                scripts.Add(script);
            }
        }

        return scripts;
    }

    /// <summary>A script's content is one raw text node.</summary>
    private static string ScriptText(DomNode node) => node.FirstChild is { NodeType: DomNodeType.Text, NextSibling: null } only ? only.Text : node.InnerText;

    private static void CollectHeadData(DomNode node, Dictionary<string, string> metas, List<DomNode> scripts, List<string> jsonLd, ref string titleTag)
    {
        switch (node.Name)
        {
            case "meta":
                var content = node.GetAttributeValue("content", null);
                if (content is null)
                {
                    return;
                }

                content = content.Trim();
                foreach (var attribute in (ReadOnlySpan<string>)["name", "property", "itemprop", "http-equiv"])
                {
                    var key = node.GetAttributeValue(attribute, null);
                    if (!string.IsNullOrEmpty(key))
                    {
                        metas.TryAdd(key.Trim(), content);
                    }
                }

                return;
            case "title":
                if (titleTag.Length == 0 && node.ParentNode?.Name is not "svg")
                {
                    titleTag = TextUtil.Collapse(node.InnerText);
                }

                return;
            case "script":
                if (!node.HasChildNodes)
                {
                    return;
                }

                if (node.GetAttributeValue("type", "").Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    if (ScriptText(node) is { Length: > 0 } script)
                    {
                        jsonLd.Add(script);
                    }
                }
                else
                {
                    scripts.Add(node);
                }

                return;
        }
    }
}
