using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Layers;
using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Sources;

/// <summary>
/// The extractor over the catalog and the lexicon in force: an operator's fix to a source's detail rules in
/// config/sources.json, or a label added to config/extraction-lexicon.json, reaches extraction with the next reload, as
/// it reaches polling, without a redeploy. One <see cref="ArticleExtractor"/> per catalog and lexicon version, rebuilt
/// only when either changes.
/// </summary>
internal sealed class LiveCatalogExtractor(ISourceCatalog catalog, IExtractionLexiconSource lexicon, TimeProvider time, IEnumerable<IExtractionLayer> layers) : IArticleExtractor
{
    private (SourceCatalog Catalog, ExtractionVocabulary Vocabulary, ArticleExtractor Extractor)? _built;

    public ExtractionResult Extract(HtmlPage page) => Extract(page, null);

    public ExtractionResult Extract(HtmlPage page, ExtractionProfile? profile)
    {
        var current = catalog.Current;
        var vocabulary = lexicon.Current;
        var built = _built;
        if (built is not { } ready || !ReferenceEquals(ready.Catalog, current) || !ReferenceEquals(ready.Vocabulary, vocabulary))
        {
            ready = (current, vocabulary, new ArticleExtractor(current, vocabulary, time, layers));
            // A race builds two extractors for one catalog at worst; either is right.
            _built = ready;
        }

        return ready.Extractor.Extract(page, profile);
    }
}
