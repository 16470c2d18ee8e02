using System.Net;
using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Core.Html;

/// <summary>
/// A parsed HTML page: a compact tree over the source string (see <see cref="HtmlParser"/>). Attributes live in one
/// array per page; text and attribute values are decoded only when read. One page, one thread.
/// </summary>
public sealed class HtmlDom
{
    private AttributeSlot[] _attributes = new AttributeSlot[256];
    private int _attributeCount;
    private Dictionary<string, DomNode>? _byId;

    internal HtmlDom(string source)
    {
        Source = source;
        DocumentNode = new DomNode(this, DomNodeType.Document, "#document", 0, -1);
    }

    /// <summary>Parses <paramref name="html"/> within <see cref="MarkupLimits.Default"/>.</summary>
    public static HtmlDom Parse(string html) => HtmlParser.Parse(html, MarkupLimits.Default);

    public string Source { get; }

    public DomNode DocumentNode { get; }

    /// <summary>Elements created, in document order; also the next element's <see cref="DomNode.Ordinal"/>.</summary>
    public int ElementCount { get; internal set; }

    /// <summary>
    /// Null when the page stayed within its <see cref="MarkupLimits"/>; else which limit it broke. Parsing stops at the
    /// breach, so the tree then holds only the page's start.
    /// </summary>
    public string? OverLimits { get; internal set; }

    /// <summary>The first element whose id is <paramref name="id"/> (case-sensitive, as in HTML).</summary>
    public DomNode? GetElementById(string id)
    {
        if (_byId is null)
        {
            _byId = new Dictionary<string, DomNode>(StringComparer.Ordinal);
            foreach (var node in DocumentNode.Descendants())
            {
                if (node.HasAttributes && node.GetAttributeValue("id", null) is { Length: > 0 } value)
                {
                    _byId.TryAdd(value, node);
                }
            }
        }

        return _byId.GetValueOrDefault(id);
    }

    internal void AddAttribute(string name, int valueStart, int valueLength)
    {
        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[_attributeCount++] = new AttributeSlot { Name = name, ValueStart = valueStart, ValueLength = valueLength };
    }

    internal int AttributeTotal => _attributeCount;

    internal int FindAttribute(DomNode node, string name)
    {
        var end = node.AttributeStart + node.AttributeCount;
        for (var i = node.AttributeStart; i < end; i++)
        {
            // Names are interned lower-case, so a reference test settles most comparisons.
            var candidate = _attributes[i].Name;
            if (ReferenceEquals(candidate, name) || candidate == name)
            {
                return i;
            }
        }

        return -1;
    }

    internal string AttributeName(int slot) => _attributes[slot].Name;

    internal string AttributeValue(int slot)
    {
        ref var attribute = ref _attributes[slot];
        return attribute.Value ??= ReadText(attribute.ValueStart, attribute.ValueLength, raw: false);
    }

    internal string ReadText(int start, int length, bool raw)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        var span = Source.AsSpan(start, length);
        return raw || !span.Contains('&') ? span.ToString() : Decode(span.ToString());
    }

    /// <summary>Character references (&amp;amp; &amp;#21307; &amp;nbsp;…) to the characters they name.</summary>
    public static string Decode(string text) => text.Contains('&') ? WebUtility.HtmlDecode(text) : text;

    private struct AttributeSlot
    {
        public string Name;
        public int ValueStart;
        public int ValueLength;
        public string? Value;
    }
}
