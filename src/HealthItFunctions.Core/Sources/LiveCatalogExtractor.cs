using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Layers;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Sources;

/// <summary>
/// The extractor over the catalog in force: an operator's fix to a source's detail rules in config/sources.json reaches
/// extraction with the next reload, as it reaches polling, without a redeploy. One <see cref="ArticleExtractor"/> per
/// catalog version, rebuilt only when the catalog changes.
/// </summary>
internal sealed class LiveCatalogExtractor(ISourceCatalog catalog, TimeProvider time, IEnumerable<IExtractionLayer> layers) : IArticleExtractor
{
    private (SourceCatalog Catalog, ArticleExtractor Extractor)? _built;

    public ExtractionResult Extract(HtmlPage page)
    {
        var current = catalog.Current;
        var built = _built;
        if (built is not { } ready || !ReferenceEquals(ready.Catalog, current))
        {
            ready = (current, new ArticleExtractor(current, time, layers));
            // A race builds two extractors for one catalog at worst; either is right.
            _built = ready;
        }

        return ready.Extractor.Extract(page);
    }
}
