using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>The catalogued source's detail XPaths (seeds/sources.json): the most specific layer, so it runs first.</summary>
internal sealed class SourceRuleLayer(PublishTimeParser parser) : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        if (page.Source is { } source)
        {
            SourceRules.Contribute(page, source, parser, draft);
        }
    }
}
