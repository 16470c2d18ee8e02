using System.Collections.Frozen;

namespace HealthItFunctions.Core.Html;

/// <summary>What the tree builder needs to know about an element name.</summary>
[Flags]
internal enum TagFlags
{
    None = 0,

    /// <summary>Never has content: br, img, meta…</summary>
    Void = 1,

    /// <summary>Content is text up to the matching end tag: script, style… (never decoded).</summary>
    RawText = 2,

    /// <summary>Raw text whose character references are decoded: title, textarea.</summary>
    EscapableRawText = 4,

    /// <summary>Opening it closes an open &lt;p&gt;: block starts.</summary>
    ClosesParagraph = 8,

    /// <summary>A search for an element to close implicitly stops here: table cells and their like.</summary>
    Scope = 16,

    Heading = 32,
}

/// <summary>
/// Element and attribute names, interned and lower-cased without allocating for the names pages use; unknown names are
/// lower-cased once per page.
/// </summary>
internal sealed class HtmlNames
{
    private static readonly FrozenDictionary<string, (string Name, TagFlags Flags)> Known = BuildKnown();

    private static readonly FrozenDictionary<string, (string Name, TagFlags Flags)>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<string, string> _others = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _othersBySpan;

    public HtmlNames() => _othersBySpan = _others.GetAlternateLookup<ReadOnlySpan<char>>();

    public (string Name, TagFlags Flags) Lookup(ReadOnlySpan<char> name)
    {
        if (KnownBySpan.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_othersBySpan.TryGetValue(name, out var other))
        {
            other = name.ToString().ToLowerInvariant();
            _others[other] = other;
        }

        return (other, TagFlags.None);
    }

    private static FrozenDictionary<string, (string, TagFlags)> BuildKnown()
    {
        var names = new Dictionary<string, TagFlags>(StringComparer.Ordinal);
        void Add(TagFlags flags, params string[] tags)
        {
            foreach (var tag in tags)
            {
                names[tag] = names.GetValueOrDefault(tag) | flags;
            }
        }

        Add(TagFlags.Void, "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "isindex", "keygen",
            "link", "meta", "param", "source", "spacer", "track", "wbr");
        Add(TagFlags.RawText, "script", "style", "xmp", "plaintext", "noxhtml");
        Add(TagFlags.EscapableRawText, "title", "textarea");
        Add(TagFlags.ClosesParagraph, "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol",
            "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt");
        Add(TagFlags.Scope, "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button");
        Add(TagFlags.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
        Add(TagFlags.None, "a", "abbr", "b", "bdi", "bdo", "big", "body", "cite", "code", "colgroup", "data", "del", "dfn", "em", "font", "head",
            "i", "iframe", "ins", "kbd", "label", "legend", "map", "mark", "noscript", "optgroup", "option", "picture", "q", "s", "samp", "select",
            "small", "span", "strike", "strong", "sub", "sup", "svg", "tbody", "tfoot", "thead", "time", "tr", "tt", "u", "var", "video", "audio",
            "canvas", "frameset", "nobr", "path", "g", "i", "ruby", "rt", "rp", "math");
        // Attribute names share the table: they are interned the same way.
        Add(TagFlags.None, "id", "class", "style", "href", "src", "alt", "name", "content", "property", "type", "lang", "width", "height",
            "align", "hidden", "rel", "target", "itemprop", "charset", "http-equiv", "value", "border", "cellpadding", "cellspacing", "valign",
            "color", "face", "size", "onclick", "colspan", "rowspan", "bgcolor", "language", "action", "method", "for", "role", "aria-label",
            "aria-hidden", "tabindex", "frameborder", "scrolling", "data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-url",
            "xml:lang", "xmlns", "datetime", "placeholder", "onload", "onerror", "async", "defer", "crossorigin", "media", "sizes", "srcset",
            "data-id", "data-type", "loading", "referrerpolicy", "integrity", "nowrap", "checked", "selected", "disabled", "readonly", "maxlength");
        return names.ToFrozenDictionary(p => p.Key, p => (p.Key, p.Value), StringComparer.OrdinalIgnoreCase);
    }
}
