using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>The 来源 line between headline and body, then page metadata (source, og:site_name, JSON-LD publisher).</summary>
internal sealed class SourceLayer : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        if (draft.Body is { Count: > 0 } body && SourceLineFinder.FindSource(page, draft.TitleNode, body[0]) is { } line)
        {
            draft.OfferSource(line.Value, line.Rule);
        }

        draft.OfferSource(page.Meta("source", "og:site_name"), "meta:source");
        draft.OfferSource(page.JsonLd?.Publisher, "jsonld:publisher");
    }
}
