using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Layers;

namespace HealthItFunctions.Core.Extraction.Families;

/// <summary>www.gov.cn: firstpublishedtime is the first-publication time in Beijing time; the body is #UCAP-CONTENT (news) or .pages_content (policy library).</summary>
internal sealed class GovCnFamily(PublishTimeParser parser) : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        if (page.Meta("firstpublishedtime") is { } first)
        {
            draft.OfferPublishTime(parser.ParseOnPage(first, page), "gov-cn:meta firstpublishedtime");
        }

        var body = page.Document.GetElementById("UCAP-CONTENT");
        if (body is null && page.HostMatches("gov.cn"))
        {
            body = page.Document.DocumentNode.SelectSingleNode("//*[contains(concat(' ', normalize-space(@class), ' '), ' pages_content ')]");
        }

        if (body is not null && page.Index.Find(body) is { } info)
        {
            draft.OfferBody([info], "gov-cn:#UCAP-CONTENT");
        }
    }
}
