using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Layers;
using HealthItFunctions.Core.Extraction.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>
/// The second pass over the failure classes (site containers, wrappers lifted by chrome, DOM related boxes, month-only
/// dates) and the visible rule chain (candidates per field, precision refinement), on hand-written pages under
/// Fixtures/classes.
/// </summary>
public sealed class LayerChainTests
{
    private const string First = "首批接入二十三家市属医院";
    private const string Last = "提升基层服务能力";

    /// <summary>A site rule shaped like the qq.com one: a tag-and-class title path and a body container.</summary>
    private const string SiteRule = """
        { "sources": [ { "id": "example-site", "media": "示例新闻", "hosts": ["news.example.cn"],
          "detail": { "title": ["//div[contains(@class,'LEFT')]/h1", "//h1"], "publishTime": [], "source": ["//*[contains(@class,'author')]//*[contains(@class,'name')]"], "author": [],
                      "body": ["//div[contains(@class,'content-article')]"], "remove": [] } } ] }
        """;

    private static ExtractedArticle Extract(string name, SourceCatalog? catalog = null, string url = "https://news.example.cn/a/1.html")
    {
        var page = new HtmlPage(Fixture.Read(Path.Combine("classes", name)), new Uri(url), Fixture.FetchedAt);
        var result = Fixture.Extractor(catalog ?? SourceCatalog.Empty).Extract(page);
        Assert.True(result.IsArticle, $"{name}: {result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Extract_SiteRuleContainerWithChromeAndComments_GenericCleaningRunsInside()
    {
        var article = Extract("site-rule-container.html", SourceCatalog.Parse(SiteRule));

        Assert.Equal("source:example-site", article.Rules[ArticleField.Body]);
        Assert.Contains(First, article.Content);
        Assert.Contains(Last, article.Content);
        foreach (var chrome in new[] { "健康日报", "关注", "00:00", "倍速", "这个平台真不错", "不喜欢" })
        {
            Assert.DoesNotContain(chrome, article.Content);
        }
    }

    [Fact]
    public void Extract_SiteRuleSourcePathMatchesOnlyACommenter_CommenterNotTaken()
    {
        var article = Extract("site-rule-container.html", SourceCatalog.Parse(SiteRule));

        Assert.NotEqual("网友甲", article.Source);
        Assert.DoesNotContain(article.Candidates, c => c.Value == "网友甲");
    }

    [Fact]
    public void Extract_SiteRuleTitleMatchesPromoHeading_TitleThatAgreesWithTitleTagWins()
    {
        var article = Extract("site-rule-container.html", SourceCatalog.Parse(SiteRule.Replace("\"//div[contains(@class,'LEFT')]/h1\", ", "", StringComparison.Ordinal)));

        Assert.Equal("某市上线互联网医院平台", article.Title);
        Assert.Contains(article.Candidates, c => c.Field == ArticleField.Title && c.Value.StartsWith("下载示例新闻客户端", StringComparison.Ordinal) && c.Outcome.StartsWith("refused", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_ShortChromeBlocksLiftWrapper_StepsDownToProseChild()
    {
        var article = Extract("wrapper-step-down.html");

        Assert.StartsWith("本月初", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith(Last + "。", article.Paragraphs[^1], StringComparison.Ordinal);
        foreach (var chrome in new[] { "健康日报", "关注", "听全文", "收藏本篇", "不喜欢", "不感兴趣" })
        {
            Assert.DoesNotContain(chrome, article.Content);
        }
    }

    [Fact]
    public void Extract_MarkerLineThenLinkParagraphs_BoxDroppedOnDomTextKept()
    {
        var article = Extract("related-box-dom.html");

        Assert.Contains(First, article.Content);
        Assert.Contains("线上复诊量占全市复诊总量", article.Content);
        Assert.DoesNotContain("相关链接", article.Content);
        Assert.DoesNotContain("三级医院全部达到四级以上水平", article.Content);
        Assert.DoesNotContain("区域平台让社区医生看得到", article.Content);
    }

    [Fact]
    public void Extract_OnlyAMonthOnIssueLine_MonthPrecisionNotNarrativeMonth()
    {
        var article = Extract("month-only-issue.html", url: "https://news.example.cn/a/1.html");

        Assert.Equal(TimePrecision.Month, article.PublishTime?.Precision);
        Assert.Equal("2019-06", article.PublishTime?.ToIsoString());
    }

    [Fact]
    public void Extract_MonthOnlyInOpeningNarrative_NoPublishTime()
    {
        var article = Extract("month-in-opening-only.html");

        Assert.Null(article.PublishTime);
    }

    [Fact]
    public void Extract_UrlDateAndJsonLdSameDay_JsonLdRefinesToSecond()
    {
        var article = Extract("url-and-jsonld-date.html", url: "https://news.example.cn/2021/0830/a1.html");

        Assert.Equal("2021-08-30T09:15:00+08:00", article.PublishTime?.ToIsoString());
        Assert.Equal("jsonld:datePublished", article.Rules[ArticleField.PublishTime]);
        Assert.Contains(article.Candidates, c => c.Field == ArticleField.PublishTime && c.Rule == "url" && c.Outcome == "refined by jsonld:datePublished");
    }

    [Fact]
    public void Extract_UrlDateAndJsonLdOtherDay_UrlDayKept()
    {
        var article = Extract("url-and-jsonld-date.html", url: "https://news.example.cn/2021/0829/a1.html");

        Assert.Equal("2021-08-29", article.PublishTime?.ToIsoString());
        Assert.Contains(article.Candidates, c => c.Field == ArticleField.PublishTime && c.Rule == "jsonld:datePublished" && c.Outcome.StartsWith("lost", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_AnyArticle_EveryFieldHasExactlyOneWinnerMatchingRules()
    {
        var article = Extract("url-and-jsonld-date.html");

        foreach (var (field, rule) in article.Rules)
        {
            var winner = Assert.Single(article.Candidates, c => c.Field == field && c.IsWinner);
            Assert.Equal(rule, winner.Rule);
        }
    }

    [Fact]
    public void AddArticleExtraction_Layers_RegisteredInChainOrder()
    {
        using var services = Fixture.Services(SourceCatalog.Empty);

        var layers = services.GetServices<IExtractionLayer>().Select(l => l.GetType().Name).ToList();

        Assert.Equal(
            ["SourceRuleLayer", "WeChatFamily", "ScriptDataFamily", "GovCnFamily", "GovCmsFamily", "TitleLayer", "BodyLayer", "PublishTimeLayer", "SourceLayer", "AuthorLayer"],
            layers);
        Assert.Same(PublishTimeParser.China, services.GetRequiredService<PublishTimeParser>().Zone);
    }
}
