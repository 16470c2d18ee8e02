using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace HealthItFunctions.Core.Html;

public enum DomNodeType
{
    Document,
    Element,
    Text,
}

/// <summary>
/// One node of an <see cref="HtmlDom"/>. Children are a linked list (no per-node collection); text and attribute values
/// stay ranges into the page's source until read, and are entity-decoded then.
/// </summary>
public sealed class DomNode
{
    internal DomNode(HtmlDom document, DomNodeType nodeType, string name, int streamPosition, int ordinal)
    {
        Document = document;
        NodeType = nodeType;
        Name = name;
        StreamPosition = streamPosition;
        Ordinal = ordinal;
    }

    public HtmlDom Document { get; }

    public DomNodeType NodeType { get; }

    /// <summary>Lower-case element name; "#text" or "#document" for the others.</summary>
    public string Name { get; }

    /// <summary>Offset of the node's first character in the source.</summary>
    public int StreamPosition { get; }

    /// <summary>Elements are numbered 0, 1, 2… in document order (text nodes -1): an index can key an array by it.</summary>
    public int Ordinal { get; }

    public DomNode? ParentNode { get; private set; }

    public DomNode? FirstChild { get; private set; }

    public DomNode? LastChild { get; private set; }

    public DomNode? NextSibling { get; private set; }

    public DomNode? PreviousSibling { get; private set; }

    public bool HasChildNodes => FirstChild is not null;

    public ChildList ChildNodes => new(this);

    internal int AttributeStart { get; set; }

    internal int AttributeCount { get; set; }

    public bool HasAttributes => AttributeCount > 0;

    public AttributeList Attributes => new(this);

    /// <summary>Source range of a text node.</summary>
    internal int TextStart { get; set; }

    internal int TextLength { get; set; }

    /// <summary>Raw text (script, style) is never entity-decoded.</summary>
    internal bool TextIsRaw { get; set; }

    private string? _text;

    /// <summary>A text node's text, entity-decoded (raw script/style text as written); empty for elements.</summary>
    public string Text => NodeType == DomNodeType.Text ? _text ??= Document.ReadText(TextStart, TextLength, TextIsRaw) : string.Empty;

    /// <summary>A text node's source without decoding: cheap tests (whitespace only?) need no string.</summary>
    public ReadOnlySpan<char> RawText => NodeType == DomNodeType.Text ? Document.Source.AsSpan(TextStart, TextLength) : default;

    public string Id => GetAttributeValue("id", null) ?? string.Empty;

    /// <summary>The decoded value of the first attribute of that (lower-case) name, else <paramref name="fallback"/>.</summary>
    [return: NotNullIfNotNull(nameof(fallback))]
    public string? GetAttributeValue(string name, string? fallback)
    {
        var at = Document.FindAttribute(this, name);
        return at >= 0 ? Document.AttributeValue(at) : fallback;
    }

    public bool HasAttribute(string name) => Document.FindAttribute(this, name) >= 0;

    /// <summary>All descendant text, decoded, in document order (script and style text included, as written).</summary>
    public string InnerText
    {
        get
        {
            if (NodeType == DomNodeType.Text)
            {
                return Text;
            }

            if (FirstChild is { NodeType: DomNodeType.Text, NextSibling: null } only)
            {
                return only.Text;
            }

            var text = new StringBuilder();
            foreach (var node in Descendants())
            {
                if (node.NodeType == DomNodeType.Text)
                {
                    text.Append(node.Text);
                }
            }

            return text.ToString();
        }
    }

    /// <summary>Every node below this one in document order; iterative, so depth costs no stack.</summary>
    public IEnumerable<DomNode> Descendants()
    {
        var node = FirstChild;
        while (node is not null)
        {
            yield return node;
            node = Following(node, this);
        }
    }

    /// <summary>The next node in document order within <paramref name="scope"/>'s subtree, else null.</summary>
    internal static DomNode? Following(DomNode node, DomNode scope)
    {
        if (node.FirstChild is { } child)
        {
            return child;
        }

        for (var current = node; current is not null && current != scope; current = current.ParentNode)
        {
            if (current.NextSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }

    public IEnumerable<DomNode> Elements(string name)
    {
        for (var child = FirstChild; child is not null; child = child.NextSibling)
        {
            if (child.NodeType == DomNodeType.Element && child.Name == name)
            {
                yield return child;
            }
        }
    }

    /// <summary>Nodes the XPath 1.0 expression selects from this node, in document order; empty when none.</summary>
    public IReadOnlyList<DomNode> SelectNodes(string xpath) => DomNavigator.Select(this, xpath);

    public DomNode? SelectSingleNode(string xpath) => SelectNodes(xpath) is { Count: > 0 } nodes ? nodes[0] : null;

    /// <summary>Detaches this node (and its subtree) from the tree.</summary>
    public void Remove()
    {
        if (ParentNode is not { } parent)
        {
            return;
        }

        if (PreviousSibling is { } previous)
        {
            previous.NextSibling = NextSibling;
        }
        else
        {
            parent.FirstChild = NextSibling;
        }

        if (NextSibling is { } next)
        {
            next.PreviousSibling = PreviousSibling;
        }
        else
        {
            parent.LastChild = PreviousSibling;
        }

        ParentNode = PreviousSibling = NextSibling = null;
    }

    internal void AppendChild(DomNode child)
    {
        child.ParentNode = this;
        if (LastChild is { } last)
        {
            last.NextSibling = child;
            child.PreviousSibling = last;
        }
        else
        {
            FirstChild = child;
        }

        LastChild = child;
    }

    public override string ToString() => NodeType == DomNodeType.Element ? "<" + Name + ">" : Name;

    public readonly struct ChildList(DomNode parent) : IEnumerable<DomNode>
    {
        public ChildEnumerator GetEnumerator() => new(parent);

        IEnumerator<DomNode> IEnumerable<DomNode>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct ChildEnumerator(DomNode parent) : IEnumerator<DomNode>
    {
        private DomNode? _next = parent.FirstChild;

        public DomNode Current { get; private set; } = null!;

        object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_next is null)
            {
                return false;
            }

            Current = _next;
            _next = _next.NextSibling;
            return true;
        }

        public readonly void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }

    /// <summary>An element's attributes, in source order; names are lower-case.</summary>
    public readonly struct AttributeList(DomNode node)
    {
        public int Count => node.AttributeCount;

        /// <summary>The first attribute of that name, else null.</summary>
        public DomAttribute? this[string name]
        {
            get
            {
                var at = node.Document.FindAttribute(node, name);
                return at >= 0 ? new DomAttribute(node.Document, at) : null;
            }
        }

        public DomAttribute this[int index] => new(node.Document, node.AttributeStart + index);
    }
}

/// <summary>One attribute: its name, and its value decoded on first read.</summary>
public readonly struct DomAttribute
{
    private readonly HtmlDom _document;
    private readonly int _slot;

    internal DomAttribute(HtmlDom document, int slot)
    {
        _document = document;
        _slot = slot;
    }

    public string Name => _document.AttributeName(_slot);

    public string Value => _document.AttributeValue(_slot);
}
