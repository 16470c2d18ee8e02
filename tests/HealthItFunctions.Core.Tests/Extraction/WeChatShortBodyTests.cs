using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>
/// Raw WeChat fetches on invented pages: the on-page headline beats share metadata, and a short post inside the
/// family's own container (an image post, a two-line notice) is still an article rather than "no main content".
/// </summary>
public sealed class WeChatShortBodyTests
{
    private const string Url = "https://mp.weixin.qq.com/s/AbCdEf123";

    private static ExtractionResult Extract(string html, SourceCatalog? catalog = null) =>
        Fixture.Extractor(catalog ?? SourceCatalog.Empty).Extract(new HtmlPage(html, new Uri(Url), Fixture.FetchedAt));

    private static string Page(string ogTitle, string heading, string body) =>
        $"<html><head><meta property=\"og:title\" content=\"{ogTitle}\"></head><body>"
        + $"<h1 class=\"rich_media_title\" id=\"activity-name\"> {heading} </h1><a id=\"js_name\">示例健康号</a>"
        + $"<div class=\"rich_media_content\" id=\"js_content\" style=\"visibility: hidden;\">{body}<script>var y = 2;</script></div>"
        + "<script>var ct = \"1630548000\";</script></body></html>";

    private const string LongBody =
        "<p>社区卫生服务中心上线了家庭医生签约小程序，居民可以在线预约随访，查看体检报告和用药提醒。</p>"
        + "<p>中心还把慢病随访数据接入区域平台，医生在诊室即可调阅居民近三年的检查结果。</p>";

    [Fact]
    public void Extract_WeChatHeadingDiffersFromOgTitle_TakesHeading()
    {
        var html = Page("分享用短标题", "家庭医生签约小程序上线，居民可在线预约随访", LongBody);

        var result = Extract(html);

        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        Assert.Equal("家庭医生签约小程序上线，居民可在线预约随访", result.Article!.Title);
        Assert.Equal("wechat:#activity-name", result.Article.Rules[ArticleField.Title]);
    }

    [Fact]
    public void Extract_WeChatHeadingEmpty_FallsBackToOgTitle()
    {
        var html = Page("家庭医生签约小程序上线", string.Empty, LongBody);

        var result = Extract(html);

        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        Assert.Equal("家庭医生签约小程序上线", result.Article!.Title);
    }

    [Fact]
    public void Extract_SeedsCatalogWeChatHeadingDiffersFromOgTitle_TakesHeading()
    {
        var html = Page("分享用短标题", "家庭医生签约小程序上线，居民可在线预约随访", LongBody);

        var result = Extract(html, Fixture.SeedsCatalog());

        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        Assert.Equal("家庭医生签约小程序上线，居民可在线预约随访", result.Article!.Title);
    }

    [Fact]
    public void Extract_WeChatShortPostInJsContent_IsArticleWithShortBody()
    {
        var html = Page("社区义诊通知", "社区义诊通知", "<section><p>周六上午义诊 <img data-src=\"https://mmbiz.qpic.cn/x.jpg\"></p><div><div>欢迎居民朋友转告</div></div></section>");

        var result = Extract(html);

        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        Assert.Equal("社区义诊通知", result.Article!.Title);
        Assert.Equal(["周六上午义诊", "欢迎居民朋友转告"], result.Article.Paragraphs);
        Assert.Equal("2021-09-02T10:00:00+08:00", result.Article.PublishTime!.Value.ToIsoString());
    }

    [Fact]
    public void Extract_ShortFamilyBodyButGenericFindsArticle_TakesGenericBody()
    {
        var html = "<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1>"
            + "<div id=\"js_content\"><p>图片</p></div>"
            + "<div class=\"article\">" + string.Concat(Enumerable.Repeat(LongBody, 3)) + "</div></body></html>";

        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(new HtmlPage(html, new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt));

        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        Assert.Equal("generic:density", result.Article!.Rules[ArticleField.Body]);
        Assert.Contains(result.Article.Paragraphs, p => p.Contains("家庭医生签约小程序", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_WeChatEmptyJsContent_NotAnArticle()
    {
        var html = Page("空文章", "空文章", "<section><img data-src=\"https://mmbiz.qpic.cn/x.jpg\"></section>");

        var result = Extract(html);

        Assert.False(result.IsArticle);
    }
}
