using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>
/// The shown publish time (<see cref="DatePicker"/>: near the headline, posted-by lines, near the body, metas,
/// labels, scripts, the URL, then month-only dates), then JSON-LD datePublished. Each is offered to the draft, which
/// keeps the first and lets a more precise candidate that agrees with it refine it: a URL or a shown date gives the
/// day, JSON-LD or a meta the minute.
/// </summary>
internal sealed class PublishTimeLayer(DatePicker picker, PublishTimeParser parser) : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        foreach (var (time, rule) in picker.Candidates(page, draft.TitleNode, draft.Body ?? [], () => draft.PublishTime))
        {
            draft.OfferPublishTime(time, rule);
        }

        if (page.JsonLd?.DatePublished is { } published)
        {
            draft.OfferPublishTime(parser.ParseOnPage(published, page), "jsonld:datePublished");
        }
    }
}
