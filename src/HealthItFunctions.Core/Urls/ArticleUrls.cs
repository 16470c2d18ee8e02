using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Urls;

/// <summary>Who claims a URL and the id it gets: one answer for polls, backfills, editors' "add by URL" and `sources match`.</summary>
/// <param name="Source">The catalogued source whose hosts claim the URL; null when none does.</param>
public sealed record UrlIdentity(Uri Url, SourceDefinition? Source, Uri Canonical, string Id);

/// <summary>
/// The one place a URL becomes an article id: the claiming source's canonical rule (https, host aliases, rewrites,
/// query rules) on top of the generic one. A short form (WeChat /s/&lt;token&gt;) keeps its own id here; the ingest
/// resolves it to the long form once the page is fetched (<see cref="ShortLinks"/>).
/// </summary>
public sealed class ArticleUrls(ISourceCatalog catalog)
{
    public UrlIdentity Identify(Uri url) => Identify(url, catalog.Current.Match(url));

    public static UrlIdentity Identify(Uri url, SourceDefinition? source)
    {
        var canonical = UrlCanonicalizer.Canonicalize(url, source?.Canonical);
        return new UrlIdentity(url, source, canonical, ArticleId.From(canonical));
    }
}
