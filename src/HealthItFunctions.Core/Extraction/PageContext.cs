using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Core.Extraction.Families;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// One parsed page with everything the layers read more than once, gathered in a single walk:
/// metas, the &lt;title&gt;, inline scripts and the text index of the visible DOM.
/// </summary>
internal sealed class PageContext
{
    public PageContext(HtmlDom document, Uri? url, DateTimeOffset? fetchedAt, DateTimeOffset now, DomIndex index)
    {
        Document = document;
        Url = url;
        FetchedAt = fetchedAt;
        Now = now;
        Index = index;
    }

    public HtmlDom Document { get; }

    public Uri? Url { get; }

    /// <summary>When the page was fetched; null for a saved page of unknown age (relative dates then stay unresolved).</summary>
    public DateTimeOffset? FetchedAt { get; }

    /// <summary>The fetch time, else the clock: an upper bound for plausible publish times, never an anchor for 昨天.</summary>
    public DateTimeOffset Now { get; }

    public DomIndex Index { get; }

    /// <summary>The compiled extraction lexicon in force.</summary>
    public ExtractionVocabulary Vocabulary => Index.Vocabulary;

    /// <summary>The catalogued source whose hosts the URL matches, if any (its rules run first).</summary>
    public SourceDefinition? Source { get; init; }

    /// <summary>The page's schema.org article (JSON-LD), read on first use: most pages have none. One page, one thread.</summary>
    public JsonLdArticle? JsonLd
    {
        get
        {
            if (!_jsonLdRead)
            {
                _jsonLd = JsonLdArticle.Read(Index.JsonLd);
                _jsonLdRead = true;
            }

            return _jsonLd;
        }
    }

    private JsonLdArticle? _jsonLd;
    private bool _jsonLdRead;

    public string TitleTag => Index.TitleTag;

    public string? Meta(string key) => Index.Metas.TryGetValue(key, out var value) ? value : null;

    public string? Meta(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (Meta(key) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    public bool HostMatches(string suffix) =>
        Url is not null
        && (Url.Host.Equals(suffix, StringComparison.OrdinalIgnoreCase)
            || Url.Host.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase));
}
