using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Layers;

namespace HealthItFunctions.Core.Extraction.Families;

/// <summary>
/// mp.weixin.qq.com articles: headline, account and body from the markup. The visible date is relative (昨天, 前天); the
/// real one, and the account's nickname, are script variables read by <see cref="ScriptDataFamily"/>.
/// </summary>
internal sealed class WeChatFamily : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        var content = page.Document.GetElementById("js_content");
        if (content is null && !page.HostMatches("mp.weixin.qq.com"))
        {
            return;
        }

        // The headline the reader sees is #activity-name; og:title is share metadata that editors may shorten or
        // leave stale, so it only fills in when the heading is missing or empty.
        if (page.Document.GetElementById("activity-name") is { } heading)
        {
            draft.OfferTitle(page.Index.TextOf(heading), "wechat:#activity-name");
        }

        draft.OfferTitle(page.Meta("og:title", "twitter:title"), "wechat:og:title");

        if (page.Document.GetElementById("js_name") is { } name)
        {
            draft.OfferSource(page.Index.TextOf(name), "wechat:#js_name");
        }

        draft.OfferAuthor(page.Meta("author"), "wechat:meta author");
        if (content is not null && page.Index.Find(content) is { } body)
        {
            draft.OfferBody([body], "wechat:#js_content");
        }
    }
}
