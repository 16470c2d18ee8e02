using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>
/// The generic layer's choice of publish time, title, source and author on small hand-written pages shaped like the
/// cases it has to tell apart (forum credit lines, related lists, update stamps, script-written dates, relative dates).
/// </summary>
public sealed class GenericFieldTests
{
    private const string Prose = "<p>基层医疗机构信息化建设持续推进，区域卫生信息平台已经实现互联互通，居民电子健康档案的调阅更加方便快捷。</p>";

    private static string Body(int paragraphs = 8) => "<div class=\"content\">" + string.Concat(Enumerable.Repeat(Prose, paragraphs)) + "</div>";

    private static ExtractedArticle Extract(string html, DateTimeOffset? fetchedAt = null, string? url = null)
    {
        var page = new HtmlPage(html, url is null ? null : new Uri(url), fetchedAt);
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(page);
        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Extract_RelativeDateWithoutFetchTime_NoPublishTime()
    {
        var html = $"<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1><div class=\"meta\">昨天 10:30</div>{Body()}</body></html>";

        var article = Extract(html, fetchedAt: null);

        Assert.Null(article.PublishTime);
    }

    [Fact]
    public void Extract_RelativeDateWithFetchTime_ResolvesAgainstFetch()
    {
        var html = $"<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1><div class=\"meta\">昨天 10:30</div>{Body()}</body></html>";

        var article = Extract(html, Fixture.FetchedAt);

        Assert.Equal("2021-09-01T10:30+08:00", article.PublishTime!.Value.ToIsoString());
    }

    [Fact]
    public void Extract_ForumCreditLineInsidePost_TimeAndPosterFromCredit()
    {
        var html = "<html><head><title>社区医院信息化心得</title></head><body><h1>社区医院信息化心得</h1>"
            + $"{Body(6)}<p>本贴由 老张 于2005年8月12日16:12:21在〖信息化论坛〗发表.</p>{Body(4)}</body></html>";

        var article = Extract(html);

        Assert.Equal("2005-08-12T16:12:21+08:00", article.PublishTime!.Value.ToIsoString());
        Assert.Equal("老张", article.Author);
    }

    [Fact]
    public void Extract_DatedRelatedListBelowBody_NotTakenAsPublishTime()
    {
        var html = "<html><head><title>社区医院信息化心得</title></head><body><h1>社区医院信息化心得</h1>"
            + $"{Body()}<div class=\"related\">相关链接 <a href=\"/1\">第一章</a> (2004/10/10 17:06) <a href=\"/2\">第二章</a> (2004/10/10 17:06)</div></body></html>";

        var article = Extract(html);

        Assert.Null(article.PublishTime);
    }

    [Fact]
    public void Extract_UpdateStampAfterPublishStamp_PublishStampWins()
    {
        var html = "<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1>"
            + "<div class=\"time\"><span>分享到 22</span><span>2019-09-07 09:25:09</span><span>最后更新: 2019-09-07 09:27:48</span></div>"
            + $"{Body()}</body></html>";

        var article = Extract(html);

        Assert.Equal("2019-09-07T09:25:09+08:00", article.PublishTime!.Value.ToIsoString());
    }

    [Fact]
    public void Extract_DateOnlyWrittenByScript_TakenFromScriptLiteral()
    {
        var html = "<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1>"
            + "<div><script>showDate(\"2020/04/17 01:43:09\")</script></div>"
            + $"{Body()}</body></html>";

        var article = Extract(html);

        Assert.Equal("2020-04-17T01:43:09+08:00", article.PublishTime!.Value.ToIsoString());
        Assert.Equal("generic:script-literal", article.Rules[ArticleField.PublishTime]);
    }

    [Fact]
    public void Extract_ScriptStateWithManyItemDates_NoPublishTime()
    {
        // An aggregator's state blob lists other articles' dates; none of them is this page's.
        var html = "<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1>"
            + "<script>window.__STATE__ = {\"items\": [{\"publishDate\": \"2019-09-07T05:51:23.000Z\"}, {\"publishDate\": \"2019-09-05T10:29:27.000Z\"}]};</script>"
            + $"{Body()}</body></html>";

        var article = Extract(html);

        Assert.Null(article.PublishTime);
    }

    [Fact]
    public void Extract_GenericTitleTag_HeadlineAbovePublishLine()
    {
        var html = "<html><head><title>新闻动态--某某学会官网</title></head><body><h3>首页 - 新闻动态</h3>"
            + "<div><h5>学会年会在重庆成功举行</h5><div class=\"ly\"><b>发布时间：2019-05-18</b> <i>来源：某某学会</i></div></div>"
            + $"{Body()}<div class=\"side\"><h5>某某学会</h5><p>地址：北京市朝阳区</p></div></body></html>";

        var article = Extract(html);

        Assert.Equal("学会年会在重庆成功举行", article.Title);
        Assert.Equal("2019-05-18", article.PublishTime!.Value.ToIsoString());
    }

    [Theory]
    [InlineData("<span>2019-05-17</span> · <span>城市报道</span>", "城市报道")]
    [InlineData("<span>原创</span> <span>南方日报</span> <span>2019-09-09 16:01:46</span>", "南方日报")]
    [InlineData("<span>2019年11月25日 18:57</span> <span>参考消息</span> <span>缩小字体</span>", "参考消息")]
    public void Extract_UnlabelledNameBesideHeaderDate_Source(string dateline, string expected)
    {
        var html = $"<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1><div class=\"meta\">{dateline}</div>"
            + $"{Body(20)}<p>来源：网络</p></body></html>";

        var article = Extract(html);

        Assert.Equal(expected, article.Source);
    }

    [Fact]
    public void Extract_LabelledSourceListsSeveral_FirstNamed()
    {
        var html = "<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1>"
            + "<div class=\"meta\">发布日期: 2021-01-05 信息来源: 第一研究院、第二研究院等</div>"
            + $"{Body()}</body></html>";

        var article = Extract(html);

        Assert.Equal("第一研究院", article.Source);
    }
}
