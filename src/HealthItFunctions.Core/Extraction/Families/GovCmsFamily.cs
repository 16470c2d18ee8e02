using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Layers;

namespace HealthItFunctions.Core.Extraction.Families;

/// <summary>
/// Chinese government CMS pages (TRS/Hanweb, used by wjw.beijing.gov.cn and most gov.cn sites) carry the
/// article's own title, date and source as metas: exact, where the visible text is laid out in tables.
/// </summary>
internal sealed class GovCmsFamily(PublishTimeParser parser) : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        draft.OfferTitle(page.Meta("ArticleTitle"), "gov-cms:meta ArticleTitle");
        if (page.Meta("PubDate") is { } date)
        {
            draft.OfferPublishTime(parser.ParseOnPage(date, page), "gov-cms:meta PubDate");
        }

        draft.OfferSource(page.Meta("ContentSource"), "gov-cms:meta ContentSource");
    }
}
