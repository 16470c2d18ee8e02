using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction.Generic;

/// <summary>
/// Publish-time choices found wanting on held-out pages, on hand-written pages of the same shape: a narrative date
/// opening the body against a labelled date under it, and a year-less "发布时间：MM-DD HH:mm" line on a saved page.
/// </summary>
public sealed class DatePickerTests
{
    private const string Prose = "<p>区域卫生信息平台已经实现互联互通，居民电子健康档案的调阅更加方便快捷，基层医疗机构信息化建设持续推进。</p>";

    private static string Paragraphs(int count) => string.Concat(Enumerable.Repeat(Prose, count));

    private static ExtractedArticle Extract(string html, string? url = null)
    {
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(new HtmlPage(html, url is null ? null : new Uri(url)));
        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Extract_NarrativeDateOpensBodyAndLabelledDateBelow_TakesLabelledDate()
    {
        var html = "<html><head><title>某区卫健委赴社区卫生服务中心调研</title></head><body><table><tr><td>"
            + "<span class=\"Title\"><b>某区卫健委赴社区卫生服务中心调研</b></span><br><font>来源于：某区卫健委</font></td></tr>"
            + "<tr><td><p>2020年5月12日下午，区卫健委一行到社区卫生服务中心开展信息化建设专题调研，听取了家庭医生签约系统的运行情况汇报。</p>"
            + Paragraphs(6) + "</td></tr>"
            + "<tr><td><font>发布日期：2020-05-15 责任编辑：王某</font></td></tr></table></body></html>";

        var article = Extract(html);

        Assert.Equal("2020-05-15", article.PublishTime!.Value.ToIsoString());
    }

    [Fact]
    public void Extract_NarrativeDateOpensBodyAndNoOtherDate_KeepsBodyDate()
    {
        var html = "<html><head><title>某区卫健委赴社区卫生服务中心调研</title></head><body><h1>某区卫健委赴社区卫生服务中心调研</h1>"
            + "<div class=\"content\"><p>2020年5月12日下午，区卫健委一行到社区卫生服务中心开展信息化建设专题调研，听取了家庭医生签约系统的运行情况汇报。</p>"
            + Paragraphs(6) + "</div></body></html>";

        var article = Extract(html);

        Assert.Equal("2020-05-12", article.PublishTime!.Value.ToIsoString());
    }

    [Fact]
    public void Extract_YearlessLabelledHeaderDateOnSavedPage_YearFromMetaDate()
    {
        var html = "<html><head><title>互联网医院接入市级监管平台</title><meta itemprop=\"dateUpdate\" content=\"2020-11-03 09:15:40\"></head><body>"
            + "<div class=\"article-title\"><h2>互联网医院接入市级监管平台</h2></div>"
            + "<div class=\"article-source\"><span class=\"date\">发布时间：11-03</span><span class=\"time\">09:15</span></div>"
            + "<script>var s_advert = {\"time\":\"2021-01-20 22:31:02\"};</script>"
            + "<div class=\"article-content\">" + Paragraphs(8) + "</div>"
            + "<div class=\"recent\"><a href=\"/a\">另一篇文章</a><span>12-27</span><span>18:40</span></div></body></html>";

        var article = Extract(html);

        Assert.Equal("2020-11-03T09:15+08:00", article.PublishTime!.Value.ToIsoString());
    }

    [Fact]
    public void Extract_YearlessHeaderDateBeforeMetaMonthDay_TakesPreviousYear()
    {
        var html = "<html><head><title>互联网医院接入市级监管平台</title><meta itemprop=\"dateUpdate\" content=\"2021-01-05 08:00:00\"></head><body>"
            + "<div class=\"article-title\"><h2>互联网医院接入市级监管平台</h2></div>"
            + "<div class=\"article-source\"><span class=\"date\">发布时间：12-30</span><span class=\"time\">16:20</span></div>"
            + "<div class=\"article-content\">" + Paragraphs(8) + "</div></body></html>";

        var article = Extract(html);

        Assert.Equal("2020-12-30T16:20+08:00", article.PublishTime!.Value.ToIsoString());
    }
}
