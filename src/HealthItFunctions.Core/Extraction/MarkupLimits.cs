namespace HealthItFunctions.Core.Extraction;

/// <summary>What a page may cost before it is parsed: how deep its elements nest and how many there are.</summary>
/// <param name="MaxDepth">
/// Deepest element nesting accepted. HtmlAgilityPack's parse time grows with the square of the nesting (3,000 unclosed
/// &lt;div&gt;s took a second, 10,000 took 3.5 s, 20,000 took 24 s) and its InnerText and Descendants recurse once per
/// level, so hostile depth both stalls a worker and overflows its stack. Real pages nest a few dozen levels; badly
/// closed old pages (unclosed &lt;font&gt;) a few hundred.
/// </param>
/// <param name="MaxElements">
/// Most elements accepted: extraction walks every element several times (12,000 paragraphs took 1.8 s). The largest
/// page of the development corpus has about 8,000.
/// </param>
/// <param name="MaxNestingWork">
/// Most total nesting, the sum over elements of their depth: the parser's and some layers' work per element grows with
/// its depth, so many moderately deep subtrees cost what one hostile one does. A real page sums to well under a million.
/// </param>
public sealed record MarkupLimits(int MaxDepth, int MaxElements, long MaxNestingWork)
{
    public static MarkupLimits Default { get; } = new(MaxDepth: 1000, MaxElements: 50_000, MaxNestingWork: 10_000_000);
}

/// <summary>
/// One linear pass over the markup, before HtmlAgilityPack sees it, that estimates the element tree's depth and size
/// the way the parser will build it: void elements never open, raw-text elements (script, style…) hide their content,
/// elements HtmlAgilityPack closes implicitly (a second &lt;p&gt;, &lt;li&gt;, &lt;td&gt;…) do not nest in themselves, and
/// an end tag closes the nearest open element of its name if that is among the innermost few (a stray end tag is ignored,
/// as the parser ignores it). The scan's own work is bounded: O(length × <see cref="EndTagReach"/>).
/// </summary>
internal static class MarkupScanner
{
    /// <summary>How far down the open elements an end tag looks for its start; deeper mismatches are left open (an overestimate).</summary>
    private const int EndTagReach = 16;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param",
        "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "plaintext", "noxhtml",
    };

    /// <summary>Elements that never nest directly in themselves: opening one closes the open one.</summary>
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "a",
    };

    /// <summary>Null when the page is within <paramref name="limits"/>; else a sentence naming the limit it broke.</summary>
    public static string? Exceeds(string html, MarkupLimits limits)
    {
        var open = new List<string>(64);
        var elements = 0;
        var work = 0L;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (i + 1 >= html.Length)
            {
                break;
            }

            var next = html[i + 1];
            if (next == '!' || next == '?')
            {
                i = SkipDeclaration(html, i);
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            var name = html[nameStart..nameEnd];
            i = tagEnd + 1;
            if (closing)
            {
                Close(open, name);
                continue;
            }

            if (++elements > limits.MaxElements)
            {
                return $"the page has more than {limits.MaxElements} elements (limit MarkupLimits.MaxElements)";
            }

            if (RawTextElements.Contains(name))
            {
                i = SkipRawText(html, i, name);
                continue;
            }

            if (VoidElements.Contains(name) || html[tagEnd - 1] == '/')
            {
                continue;
            }

            if (SelfClosingSiblings.Contains(name))
            {
                Close(open, name);
            }

            open.Add(name);
            if (open.Count > limits.MaxDepth)
            {
                return $"elements nest more than {limits.MaxDepth} deep (limit MarkupLimits.MaxDepth)";
            }

            if ((work += open.Count) > limits.MaxNestingWork)
            {
                return $"the page's elements nest {work} levels in total, over {limits.MaxNestingWork} (limit MarkupLimits.MaxNestingWork)";
            }
        }

        return null;
    }

    private static void Close(List<string> open, string name)
    {
        for (var k = open.Count - 1; k >= 0 && k >= open.Count - EndTagReach; k--)
        {
            if (string.Equals(open[k], name, StringComparison.OrdinalIgnoreCase))
            {
                open.RemoveRange(k, open.Count - k);
                return;
            }
        }
    }

    private static int SkipDeclaration(string html, int at)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        var close = html.IndexOf('>', at + 2);
        return close < 0 ? html.Length : close + 1;
    }

    private static int SkipRawText(string html, int from, string name)
    {
        var end = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html.Length : end;
    }
}
