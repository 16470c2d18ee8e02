using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>来源 media names and date shapes the labelled-line rules used to reject (failure classes 8 and 10).</summary>
public sealed class SourceAndDateShapeTests
{
    private const string Prose = "<p>基层医疗机构信息化建设持续推进，区域卫生信息平台已经实现互联互通，居民电子健康档案的调阅更加方便快捷。</p>";

    private static ExtractedArticle Extract(string infoLine)
    {
        var html = "<html><head><title>区域平台互联互通</title></head><body><h1>区域平台互联互通</h1>"
            + $"<div class=\"info\">{infoLine}</div><div class=\"content\">{string.Concat(Enumerable.Repeat(Prose, 6))}</div></body></html>";
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(new HtmlPage(html, new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt));
        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Theory]
    [InlineData("2021-08-30 来源：某某网[整理]", "某某网")]
    [InlineData("2021-08-30 来源：某某财经-自媒体综合", "某某财经-自媒体综合")]
    [InlineData("2021-08-30 来源：张三/某某日报", "某某日报")]
    [InlineData("2021-08-30 来源：China Daily", "China Daily")]
    [InlineData("2021-08-30 来源于：某某健康报", "某某健康报")]
    [InlineData("2021-08-30 来源：某某·健康", "某某·健康")]
    public void Extract_SourceShapes_MediaName(string line, string expected)
    {
        var article = Extract(line);

        Assert.Equal(expected, article.Source);
    }

    [Theory]
    [InlineData("发布日期：8/30/2021 3:45:10 PM", "2021-08-30T15:45:10+08:00")]
    [InlineData("发布日期：8/30/2021", "2021-08-30")]
    public void Extract_YearLastNumericDate_Read(string line, string expected)
    {
        var article = Extract(line);

        Assert.Equal(expected, article.PublishTime?.ToIsoString());
    }
}
