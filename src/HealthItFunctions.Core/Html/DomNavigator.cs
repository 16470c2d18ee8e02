using System.Xml;
using System.Xml.XPath;

namespace HealthItFunctions.Core.Html;

/// <summary>
/// XPath 1.0 over an <see cref="HtmlDom"/> through System.Xml.XPath: the catalog's list and detail rules
/// ("//div[@class='list']/ul/li", "//meta[@name='x']") run on the one parser the product has.
/// </summary>
internal sealed class DomNavigator : XPathNavigator
{
    private readonly XmlNameTable _names;
    private DomNode _node;

    /// <summary>The attribute slot the navigator is on, or -1 when it is on <see cref="_node"/> itself.</summary>
    private int _attribute = -1;

    private DomNavigator(DomNode node, XmlNameTable names)
    {
        _node = node;
        _names = names;
    }

    /// <summary>The nodes <paramref name="xpath"/> selects from <paramref name="context"/>; an attribute selects its element.</summary>
    public static IReadOnlyList<DomNode> Select(DomNode context, string xpath)
    {
        var iterator = new DomNavigator(context, new NameTable()).Select(xpath);
        var nodes = new List<DomNode>();
        while (iterator.MoveNext())
        {
            if (iterator.Current is DomNavigator { _node: var node } && (nodes.Count == 0 || !ReferenceEquals(nodes[^1], node)))
            {
                nodes.Add(node);
            }
        }

        return nodes;
    }

    public override XmlNameTable NameTable => _names;

    public override XPathNodeType NodeType => _attribute >= 0
        ? XPathNodeType.Attribute
        : _node.NodeType switch
        {
            DomNodeType.Document => XPathNodeType.Root,
            DomNodeType.Element => XPathNodeType.Element,
            _ => XPathNodeType.Text,
        };

    // The XPath engine compares names it atomized in the name table, so names are handed out atomized too.
    public override string LocalName => _attribute >= 0
        ? _names.Add(_node.Document.AttributeName(_attribute))
        : _node.NodeType == DomNodeType.Element ? _names.Add(_node.Name) : string.Empty;

    public override string Name => LocalName;

    public override string NamespaceURI => string.Empty;

    public override string Prefix => string.Empty;

    public override string BaseURI => string.Empty;

    public override bool IsEmptyElement => _attribute < 0 && _node.NodeType == DomNodeType.Element && !_node.HasChildNodes;

    public override string Value => _attribute >= 0 ? _node.Document.AttributeValue(_attribute) : _node.InnerText;

    public override bool HasAttributes => _attribute < 0 && _node.HasAttributes;

    public override bool HasChildren => _attribute < 0 && _node.HasChildNodes;

    public override XPathNavigator Clone() => new DomNavigator(_node, _names) { _attribute = _attribute };

    public override bool IsSamePosition(XPathNavigator other) =>
        other is DomNavigator navigator && ReferenceEquals(navigator._node, _node) && navigator._attribute == _attribute;

    public override bool MoveTo(XPathNavigator other)
    {
        if (other is not DomNavigator navigator || !ReferenceEquals(navigator._node.Document, _node.Document))
        {
            return false;
        }

        _node = navigator._node;
        _attribute = navigator._attribute;
        return true;
    }

    public override bool MoveToFirstAttribute()
    {
        if (_attribute >= 0 || !_node.HasAttributes)
        {
            return false;
        }

        _attribute = _node.AttributeStart;
        return true;
    }

    public override bool MoveToNextAttribute()
    {
        if (_attribute < 0 || _attribute + 1 >= _node.AttributeStart + _node.AttributeCount)
        {
            return false;
        }

        _attribute++;
        return true;
    }

    public override bool MoveToFirstNamespace(XPathNamespaceScope namespaceScope) => false;

    public override bool MoveToNextNamespace(XPathNamespaceScope namespaceScope) => false;

    public override bool MoveToNext() => _attribute < 0 && Move(_node.NextSibling);

    public override bool MoveToPrevious() => _attribute < 0 && Move(_node.PreviousSibling);

    public override bool MoveToFirstChild() => _attribute < 0 && Move(_node.FirstChild);

    public override bool MoveToParent()
    {
        if (_attribute >= 0)
        {
            _attribute = -1;
            return true;
        }

        return Move(_node.ParentNode);
    }

    public override void MoveToRoot()
    {
        _attribute = -1;
        _node = _node.Document.DocumentNode;
    }

    public override bool MoveToId(string id) => Move(_node.Document.GetElementById(id));

    private bool Move(DomNode? node)
    {
        if (node is null)
        {
            return false;
        }

        _node = node;
        return true;
    }
}
