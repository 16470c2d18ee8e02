using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Layers;

namespace HealthItFunctions.Core.Extraction.Families;

/// <summary>
/// mp.weixin.qq.com articles: the visible date is relative (昨天, 前天), the real one is the unix time in the script
/// variable ct; the account name is the source.
/// </summary>
internal sealed partial class WeChatFamily : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        var content = page.Document.GetElementbyId("js_content");
        if (content is null && !page.HostMatches("mp.weixin.qq.com"))
        {
            return;
        }

        // The headline the reader sees is #activity-name; og:title is share metadata that editors may shorten or
        // leave stale, so it only fills in when the heading is missing or empty.
        if (page.Document.GetElementbyId("activity-name") is { } heading)
        {
            draft.OfferTitle(page.Index.TextOf(heading), "wechat:#activity-name");
        }

        draft.OfferTitle(page.Meta("og:title", "twitter:title"), "wechat:og:title");

        foreach (var script in page.Index.Scripts)
        {
            var match = CreateTime().Match(script);
            if (match.Success && long.TryParse(match.Groups["ct"].ValueSpan, out var seconds))
            {
                draft.OfferPublishTime(PublishTime.FromUnixSeconds(seconds), "wechat:var ct");
                break;
            }
        }

        if (page.Document.GetElementbyId("js_name") is { } name)
        {
            draft.OfferSource(page.Index.TextOf(name), "wechat:#js_name");
        }

        foreach (var script in page.Index.Scripts)
        {
            var match = Nickname().Match(script);
            if (match.Success)
            {
                draft.OfferSource(match.Groups["name"].Value, "wechat:var nickname");
                break;
            }
        }

        draft.OfferAuthor(page.Meta("author"), "wechat:meta author");
        if (content is not null && page.Index.Find(content) is { } body)
        {
            draft.OfferBody([body], "wechat:#js_content");
        }
    }

    [GeneratedRegex(@"\bvar\s+ct\s*=\s*""(?<ct>\d{9,11})""|\bct\s*[:=]\s*""?(?<ct>\d{10})\b", RegexOptions.CultureInvariant)]
    private static partial Regex CreateTime();

    [GeneratedRegex(@"\bvar\s+nickname\s*=\s*(?:htmlDecode\()?""(?<name>[^""]{1,40})""", RegexOptions.CultureInvariant)]
    private static partial Regex Nickname();
}
