using System.Buffers;
using System.Runtime.InteropServices;
using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Core.Html;

/// <summary>
/// Builds an <see cref="HtmlDom"/> in one pass with no recursion. The tokenizer jumps with vectorized searches to the
/// next '&lt;' (text is kept as a range into the source); raw-text elements (script, style…) jump to their end tag;
/// comments and declarations are skipped. The tree follows the HTML rules that change real pages' trees: void elements,
/// implied end tags (&lt;p&gt; closed by a block start; li, dt/dd, option, tr, td/th and table sections closed by their
/// next sibling; a nested &lt;a&gt; closes the open one), an end tag closing the nearest open element of its name with
/// everything inside it, a stray end tag ignored, and all open elements closed at the end.
/// </summary>
/// <remarks>
/// Work is bounded by <see cref="MarkupLimits"/>: parsing stops, and <see cref="HtmlDom.OverLimits"/> says why, once the
/// elements nest deeper than MaxDepth, number more than MaxElements or sum more nesting than MaxNestingWork. An implied
/// end tag's search looks down the open elements (at most MaxDepth); an explicit end tag is looked up in per-name counts
/// first, and a found one pops what it searched, so each tag costs amortized constant work beyond that bound.
/// </remarks>
internal sealed class HtmlParser
{
    private static readonly SearchValues<char> TagNameEnd = SearchValues.Create(" \t\n\r\f/>");
    private static readonly SearchValues<char> AttributeNameEnd = SearchValues.Create(" \t\n\r\f/>=");
    private static readonly SearchValues<char> UnquotedValueEnd = SearchValues.Create(" \t\n\r\f>");

    private readonly string _html;
    private readonly HtmlDom _dom;
    private readonly MarkupLimits _limits;
    private readonly HtmlNames _names = new();
    private readonly List<(DomNode Node, TagFlags Flags)> _open = new(64);
    private readonly Dictionary<string, int> _openCounts = new(StringComparer.Ordinal);
    private long _work;

    private HtmlParser(string html, MarkupLimits limits)
    {
        _html = html;
        _limits = limits;
        _dom = new HtmlDom(html);
        _open.Add((_dom.DocumentNode, TagFlags.Scope));
    }

    public static HtmlDom Parse(string html, MarkupLimits limits)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(html, limits);
        parser.Run();
        return parser._dom;
    }

    private DomNode Current => _open[^1].Node;

    private void Run()
    {
        var html = _html;
        var textStart = 0;
        var at = 0;
        while (_dom.OverLimits is null)
        {
            var lt = html.IndexOf('<', at);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var next = html[lt + 1];
            int after;
            if (char.IsAsciiLetter(next))
            {
                AddText(textStart, lt);
                after = StartTag(lt);
            }
            else if (next == '/' && lt + 2 < html.Length && char.IsAsciiLetter(html[lt + 2]))
            {
                AddText(textStart, lt);
                after = EndTag(lt);
            }
            else if (next is '!' or '?' or '/')
            {
                // Comments, doctype, CDATA, processing instructions and "</ >" carry nothing a reader sees.
                AddText(textStart, lt);
                after = SkipDeclaration(lt);
            }
            else
            {
                // A '<' that opens no tag is text ("a < b").
                at = lt + 1;
                continue;
            }

            textStart = at = after;
        }

        if (_dom.OverLimits is null)
        {
            AddText(textStart, html.Length);
        }
    }

    private int SkipDeclaration(int lt)
    {
        if (string.CompareOrdinal(_html, lt, "<!--", 0, 4) == 0)
        {
            var end = _html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? _html.Length : end + 3;
        }

        var close = _html.IndexOf('>', lt + 2);
        return close < 0 ? _html.Length : close + 1;
    }

    private void AddText(int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var text = new DomNode(_dom, DomNodeType.Text, "#text", start, -1) { TextStart = start, TextLength = end - start };
        Current.AppendChild(text);
    }

    private int EndTag(int lt)
    {
        var nameStart = lt + 2;
        var nameEnd = IndexOfAny(nameStart + 1, TagNameEnd);
        var close = _html.IndexOf('>', nameEnd);
        if (close < 0)
        {
            return _html.Length;
        }

        var (name, _) = _names.Lookup(_html.AsSpan(nameStart, nameEnd - nameStart));
        // Content after </body> or </html> (counters, late scripts, whole articles on some templates) stays in the body.
        if (name is not ("body" or "html") && _openCounts.GetValueOrDefault(name) > 0)
        {
            PopTo(FindOpen(name, null, Stop.Never));
        }

        return close + 1;
    }

    private int StartTag(int lt)
    {
        var html = _html;
        var nameStart = lt + 1;
        var at = IndexOfAny(nameStart + 1, TagNameEnd);
        var (name, flags) = _names.Lookup(html.AsSpan(nameStart, at - nameStart));
        var attributeStart = _dom.AttributeTotal;
        var selfClosing = false;
        while (true)
        {
            while (at < html.Length && IsSpace(html[at]))
            {
                at++;
            }

            if (at >= html.Length)
            {
                // An unterminated tag at the end of the page is dropped, as browsers drop it.
                return html.Length;
            }

            var c = html[at];
            if (c == '>')
            {
                at++;
                break;
            }

            if (c == '/')
            {
                if (at + 1 < html.Length && html[at + 1] == '>')
                {
                    selfClosing = true;
                    at += 2;
                    break;
                }

                at++;
                continue;
            }

            at = ReadAttribute(at);
            if (at < 0)
            {
                return html.Length;
            }
        }

        OpenElement(lt, name, flags, attributeStart, selfClosing);
        if (_dom.OverLimits is not null)
        {
            return html.Length;
        }

        return (flags & (TagFlags.RawText | TagFlags.EscapableRawText)) != 0 && !selfClosing ? ReadRawText(at, name, flags) : at;
    }

    /// <summary>One attribute from <paramref name="at"/>; the position after it, or -1 when a quote never closes.</summary>
    private int ReadAttribute(int at)
    {
        var html = _html;
        var nameEnd = IndexOfAny(at + 1, AttributeNameEnd);
        var (name, _) = _names.Lookup(html.AsSpan(at, nameEnd - at));
        at = nameEnd;
        while (at < html.Length && IsSpace(html[at]))
        {
            at++;
        }

        if (at >= html.Length || html[at] != '=')
        {
            _dom.AddAttribute(name, at, 0);
            return at;
        }

        at++;
        while (at < html.Length && IsSpace(html[at]))
        {
            at++;
        }

        if (at < html.Length && html[at] is '"' or '\'')
        {
            var close = html.IndexOf(html[at], at + 1);
            if (close < 0)
            {
                return -1;
            }

            _dom.AddAttribute(name, at + 1, close - at - 1);
            return close + 1;
        }

        var end = IndexOfAny(at, UnquotedValueEnd);
        _dom.AddAttribute(name, at, end - at);
        return end;
    }

    /// <summary>A raw-text element's content up to its end tag, as one text child; the position after the end tag.</summary>
    private int ReadRawText(int from, string name, TagFlags flags)
    {
        var element = Current.LastChild!;
        var end = from;
        int contentEnd;
        while (true)
        {
            contentEnd = _html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
            if (contentEnd < 0)
            {
                contentEnd = end = _html.Length;
                break;
            }

            var after = contentEnd + 2 + name.Length;
            if (after >= _html.Length || _html[after] is '>' or '/' || IsSpace(_html[after]))
            {
                var close = _html.IndexOf('>', after);
                end = close < 0 ? _html.Length : close + 1;
                break;
            }

            end = after;
        }

        if (contentEnd > from)
        {
            element.AppendChild(new DomNode(_dom, DomNodeType.Text, "#text", from, -1)
            {
                TextStart = from,
                TextLength = contentEnd - from,
                TextIsRaw = (flags & TagFlags.RawText) != 0,
            });
        }

        return end;
    }

    private void OpenElement(int lt, string name, TagFlags flags, int attributeStart, bool selfClosing)
    {
        CloseImplied(name, flags);
        if (_dom.ElementCount >= _limits.MaxElements)
        {
            _dom.OverLimits = $"the page has more than {_limits.MaxElements} elements (limit MarkupLimits.MaxElements)";
            return;
        }

        var element = new DomNode(_dom, DomNodeType.Element, name, lt, _dom.ElementCount++)
        {
            AttributeStart = attributeStart,
            AttributeCount = _dom.AttributeTotal - attributeStart,
        };
        Current.AppendChild(element);
        if ((flags & (TagFlags.Void | TagFlags.RawText | TagFlags.EscapableRawText)) != 0 || selfClosing)
        {
            return;
        }

        _open.Add((element, flags));
        CollectionsMarshal.GetValueRefOrAddDefault(_openCounts, name, out _)++;
        var depth = _open.Count - 1;
        if (depth > _limits.MaxDepth)
        {
            _dom.OverLimits = $"elements nest more than {_limits.MaxDepth} deep (limit MarkupLimits.MaxDepth)";
        }
        else if ((_work += depth) > _limits.MaxNestingWork)
        {
            _dom.OverLimits = $"the page's elements nest {_work} levels in total, over {_limits.MaxNestingWork} (limit MarkupLimits.MaxNestingWork)";
        }
    }

    /// <summary>The end tags HTML implies before an element opens.</summary>
    private void CloseImplied(string name, TagFlags flags)
    {
        if ((flags & TagFlags.ClosesParagraph) != 0 && IsOpen("p"))
        {
            PopTo(FindOpen("p", null, Stop.Scope));
        }

        switch (name)
        {
            case "li":
                CloseNearest("li", null, Stop.List);
                break;
            case "dt" or "dd":
                CloseNearest("dt", "dd", Stop.DefinitionList);
                break;
            case "tr":
                CloseNearest("tr", null, Stop.Table);
                break;
            case "td" or "th":
                CloseNearest("td", "th", Stop.Row);
                break;
            case "thead" or "tbody" or "tfoot":
                CloseNearest("tbody", "thead", Stop.Table);
                CloseNearest("tfoot", null, Stop.Table);
                break;
            case "a":
                CloseNearest("a", null, Stop.Scope);
                break;
            case "option" or "optgroup":
                if (Current.Name == "option" || (name == "optgroup" && Current.Name == "optgroup"))
                {
                    PopTo(_open.Count - 1);
                }

                break;
            case "body":
                CloseNearest("head", null, Stop.Never);
                break;
        }

        if ((flags & TagFlags.Heading) != 0 && Current.Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
        {
            PopTo(_open.Count - 1);
        }
    }

    private void CloseNearest(string name, string? other, Stop stop)
    {
        if (IsOpen(name) || (other is not null && IsOpen(other)))
        {
            PopTo(FindOpen(name, other, stop));
        }
    }

    private bool IsOpen(string name) => _openCounts.GetValueOrDefault(name) > 0;

    private enum Stop
    {
        Never,
        Scope,
        List,
        DefinitionList,
        Table,
        Row,
    }

    /// <summary>Index in the open elements of the nearest one named <paramref name="name"/> (or <paramref name="other"/>) before a stop; else -1.</summary>
    private int FindOpen(string name, string? other, Stop stop)
    {
        for (var k = _open.Count - 1; k > 0; k--)
        {
            var (node, flags) = _open[k];
            var open = node.Name;
            if (open == name || (other is not null && open == other))
            {
                return k;
            }

            if (Stops(open, flags, stop))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool Stops(string open, TagFlags flags, Stop stop) => stop switch
    {
        Stop.Never => false,
        Stop.Scope => (flags & TagFlags.Scope) != 0,
        Stop.List => (flags & TagFlags.Scope) != 0 || open is "ul" or "ol",
        Stop.DefinitionList => (flags & TagFlags.Scope) != 0 || open is "dl",
        Stop.Table => open is "table" or "html",
        Stop.Row => open is "tr" or "table" or "html",
        _ => false,
    };

    private void PopTo(int index)
    {
        if (index <= 0)
        {
            return;
        }

        for (var k = _open.Count - 1; k >= index; k--)
        {
            CollectionsMarshal.GetValueRefOrNullRef(_openCounts, _open[k].Node.Name)--;
        }

        _open.RemoveRange(index, _open.Count - index);
    }

    private int IndexOfAny(int from, SearchValues<char> values)
    {
        if (from >= _html.Length)
        {
            return _html.Length;
        }

        var found = _html.AsSpan(from).IndexOfAny(values);
        return found < 0 ? _html.Length : from + found;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
