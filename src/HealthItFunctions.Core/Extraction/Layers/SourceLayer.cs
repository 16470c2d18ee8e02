using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>
/// The 来源 line between headline and body, then page metadata (a source meta, JSON-LD publisher), then, only for a
/// page that marks its content as the site's own (原创, 本站原创, "版权归本站所有"), the site's name. The site name alone
/// is never a guess at the source: sites reprint far more than they write.
/// </summary>
internal sealed class SourceLayer : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        if (draft.Body is { Count: > 0 } body && SourceLineFinder.FindSource(page, draft.TitleNode, body[0]) is { } line)
        {
            draft.OfferSource(line.Value, line.Rule);
        }

        draft.OfferSource(page.Meta("source"), "meta:source");
        draft.OfferSource(page.JsonLd?.Publisher, "jsonld:publisher");
        if (draft.Source is null && draft.Body is { Count: > 0 } own && SourceLineFinder.FindOriginal(page, draft.TitleNode, own) is { } original)
        {
            draft.OfferSource(original.Value, original.Rule);
        }
    }
}
