using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>Pages whose data sits in script (Fixtures/script-data, shapes cited in its README), through the production chain.</summary>
public sealed class ScriptDataFamilyTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static ExtractedArticle Extract(string file, string url)
    {
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(new HtmlPage(Fixture.Read(Path.Combine("script-data", file)), new Uri(url), new DateTimeOffset(2026, 12, 7, 12, 0, 0, Beijing)));
        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Extract_QqWindowData_TitleMediaAndTimeFromTheJson()
    {
        var article = Extract("qq-window-data.html", "https://news.qq.com/rain/a/20261203A01ABC00");

        Assert.Equal("北京互联网医院平台接入三甲医院数量过百", article.Title);
        Assert.Equal("北京日报", article.Publisher);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 41, 27, Beijing), article.PublishTime?.Value);
        Assert.Equal("script:window.DATA pubtime", article.Rules[ArticleField.PublishTime]);
    }

    [Fact]
    public void Extract_WeChatVariables_CtRefinesPublishTimeAndNicknameIsTheSource()
    {
        var article = Extract("wechat-vars.html", "https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv");

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 45, 5, Beijing), article.PublishTime?.Value);
        Assert.Equal("中国数字医学", article.Publisher);
    }

    [Fact]
    public void Extract_GovCnHyphenTime_KeepsTheClock()
    {
        var article = Extract("govcn-hyphen-time.html", "https://www.gov.cn/zhengce/zhengceku/202612/content_7000003.htm");

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 15, 20, 8, Beijing), article.PublishTime?.Value);
    }

    [Fact]
    public void Extract_PageWithUnrelatedScriptVariables_NotReadAsScriptData()
    {
        const string html = "<html><head><title>某医院新闻</title></head><body><h1>某医院新闻</h1><div class=\"content\"><p>"
                            + "医院召开信息化建设推进会，部署电子病历系统升级和数据中心扩容等工作，要求各科室按计划完成系统切换，确保业务连续。</p><p>"
                            + "会议还通报了上半年网络安全检查情况，并对下一阶段的等级保护测评作出安排，信息科将牵头组织培训与应急演练。</p></div>"
                            + "<script>var title = \"广告位\"; var source = \"推广\"; var ct = \"1796262305\";</script></body></html>";

        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(new HtmlPage(html, new Uri("https://hospital.test/news/1.html"), new DateTimeOffset(2026, 12, 7, 12, 0, 0, Beijing)));

        Assert.NotEqual("广告位", result.Article?.Title);
        Assert.NotEqual("推广", result.Article?.Publisher);
    }
}
