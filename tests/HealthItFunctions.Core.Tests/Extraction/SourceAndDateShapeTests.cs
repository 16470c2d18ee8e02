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

    [Theory]
    [InlineData("2021-08-30 【来源：某某日报】", "某某日报")]
    [InlineData("2021-08-30 来源：<a href=\"http://x.cn\">某某日报</a>", "某某日报")]
    [InlineData("<span>2021-08-30</span><span>来源：</span><span><a href=\"/\">某某日报</a></span>", "某某日报")]
    [InlineData("2021-08-30 来源： 某某日报 （北京）", "某某日报")]
    [InlineData("2021-08-30 文章来源：某某卫健委 点击数：23", "某某卫健委")]
    [InlineData("2021-08-30 来源：某某日报 作者：李一", "某某日报")]
    [InlineData("2021-08-30 转自：某某日报", "某某日报")]
    [InlineData("2021-08-30 来源 : 某某日报", "某某日报")]
    [InlineData("2021-08-30 来源：[ 某某日报 ]", "某某日报")]
    [InlineData("2021-08-30 来源：某某日报客户端", "某某日报客户端")]
    [InlineData("2021-08-30 稿件来源：某某日报", "某某日报")]
    [InlineData("发布时间：2021-08-30 来源：本站", "本站")]
    [InlineData("2021-08-30 10:30 | 来源：某某网 | 字号：大 中 小", "某某网")]
    [InlineData("来源：某某日报 时间：2021-08-30", "某某日报")]
    [InlineData("2021年08月30日 09:15 某某日报", "某某日报")]
    [InlineData("<span class=\"time\">2021-08-30</span><span class=\"media\">某某日报</span>", "某某日报")]
    public void Extract_MoreSourceLineShapes_MediaName(string line, string expected)
    {
        Assert.Equal(expected, Extract(line).Source);
    }

    [Theory]
    [InlineData("2021-08-30 来源：某某日报 作者：李一 王二", "李一 王二")]
    [InlineData("2021-08-30 作者：李一、王二", "李一 王二")]
    [InlineData("2021-08-30 作者:李一", "李一")]
    [InlineData("2021-08-30 作者：<a href=\"/a\">李一</a>", "李一")]
    [InlineData("<span>作者：</span><span>李一</span> <span>2021-08-30</span>", "李一")]
    [InlineData("2021-08-30 记者 李一 通讯员 王二", "李一")]
    [InlineData("2021-08-30 某某日报记者 李一", "李一")]
    [InlineData("2021-08-30 文/李一", "李一")]
    [InlineData("2021-08-30 文 | 李一", "李一")]
    [InlineData("2021-08-30 撰文：李一 摄影：王二", "李一")]
    [InlineData("2021-08-30 作者：李一 来源：某某日报", "李一")]
    [InlineData("2021-08-30 By 李一", "李一")]
    [InlineData("2021-08-30 发布者：李一", "李一")]
    [InlineData("2021-08-30 作者：欧阳明明", "欧阳明明")]
    [InlineData("2021-08-30 【作者：李一】", "李一")]
    [InlineData("2021-08-30 作者：John Smith", "John Smith")]
    [InlineData("<meta name=\"x\"> 2021-08-30 记者｜李一", "李一")]
    public void Extract_AuthorLineShapes_Names(string line, string expected)
    {
        Assert.Equal(expected, Extract(line).Author);
    }

    [Theory]
    [InlineData("<span>发布时间：</span><span>2021-08-30 10:30</span>", "2021-08-30T10:30+08:00")]
    [InlineData("<span class=\"time\">2021-08-30 10:30</span>", "2021-08-30T10:30+08:00")]
    [InlineData("发布时间：2021年8月30日 10:30", "2021-08-30T10:30+08:00")]
    [InlineData("发布日期：2021.08.30", "2021-08-30")]
    [InlineData("时间：2021/8/30 10:30:12", "2021-08-30T10:30:12+08:00")]
    [InlineData("[2021-08-30]", "2021-08-30")]
    [InlineData("2021-08-30T10:30:00+08:00", "2021-08-30T10:30:00+08:00")]
    [InlineData("二〇二一年八月三十日", "2021-08-30")]
    [InlineData("发表于 2021-8-30 10:30", "2021-08-30T10:30+08:00")]
    [InlineData("日期：21-08-30", "2021-08-30")]
    [InlineData("Aug 30, 2021 10:30", "2021-08-30T10:30+08:00")]
    [InlineData("2021年08月30日 星期一 10:30", "2021-08-30T10:30+08:00")]
    [InlineData("更新时间：2021-09-01 发布时间：2021-08-30", "2021-08-30")]
    [InlineData("发布时间：2021-08-30 10:30 浏览次数：1202", "2021-08-30T10:30+08:00")]
    public void Extract_DateLineShapes_Read(string line, string expected)
    {
        Assert.Equal(expected, Extract(line).PublishTime?.ToIsoString());
    }

    [Theory]
    [InlineData("医院信息化随笔_李一的博客", "李一")]
    [InlineData("医院信息化随笔_王二_某某博客", "王二")]
    [InlineData("区域平台互联互通_某某网", null)]
    public void Extract_BlogTitle_OwnerIsAuthor(string titleTag, string? expected)
    {
        var html = $"<html><head><title>{titleTag}</title></head><body><h1>区域平台互联互通</h1><div class=\"content\">{string.Concat(Enumerable.Repeat(Prose, 6))}</div></body></html>";
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(new HtmlPage(html, new Uri("https://blog.example.cn/a/1.html"), Fixture.FetchedAt));

        Assert.Equal(expected, result.Article?.Author);
    }

    private static ExtractedArticle ExtractWithHead(string titleTag, string meta, string infoLine)
    {
        var html = $"<html><head><title>{titleTag}</title>{meta}</head><body><h1>区域平台互联互通</h1>"
            + $"<div class=\"info\">{infoLine}</div><div class=\"content\">{string.Concat(Enumerable.Repeat(Prose, 6))}</div></body></html>";
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(new HtmlPage(html, new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt));
        Assert.True(result.IsArticle, $"{result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Extract_MetaAuthorIsTheSite_NotAuthor()
    {
        var article = ExtractWithHead("区域平台互联互通_某某新闻", "<meta name=\"author\" content=\"某某\">", "2021-08-30 来源：某某日报");

        Assert.Null(article.Author);
    }

    [Fact]
    public void Extract_AuthorCreditIsTheSourceOutlet_EditorInstead()
    {
        var article = ExtractWithHead("区域平台互联互通", "<meta name=\"author\" content=\"某某消息\">", "2021-08-30 <span class=\"source\">某某消息</span> 责任编辑：张一");

        Assert.Equal("某某消息", article.Source);
        Assert.Equal("张一", article.Author);
    }

    [Fact]
    public void Extract_MetaAuthorHoldsWholeByline_NameRead()
    {
        var article = ExtractWithHead("区域平台互联互通", "<meta name=\"author\" content=\"記者林一／即時報導\">", "2021-08-30");

        Assert.Equal("林一", article.Author);
    }

    [Fact]
    public void Extract_AuthorElementCreditsAnotherRole_NotAuthor()
    {
        var article = ExtractWithHead("区域平台互联互通", string.Empty, "2021-08-30 <span class=\"author\">选稿：许一</span>");

        Assert.Null(article.Author);
    }

    [Fact]
    public void Extract_SourceElementLabelWithoutColon_MediaName()
    {
        var article = ExtractWithHead("区域平台互联互通", string.Empty, "<span class=\"source\">本文来源于<a href=\"/\">某某统计局</a></span> 2021-08-30");

        Assert.Equal("某某统计局", article.Source);
    }

    [Fact]
    public void Extract_PublishedWordBesideDate_NotSource()
    {
        var article = ExtractWithHead("区域平台互联互通", string.Empty, "<p>发布于 2021-08-30 07:19:52</p>");

        Assert.Null(article.Source);
    }

    [Fact]
    public void Extract_ImageCreditLabel_NotSource()
    {
        var article = ExtractWithHead("区域平台互联互通", string.Empty, "2021-08-30 <p>图片来源：某某图库 版权作品</p>");

        Assert.Null(article.Source);
    }

    [Fact]
    public void Extract_AuthorCardNameThenDescription_NameOnly()
    {
        var article = ExtractWithHead("区域平台互联互通", string.Empty,
            "2021-08-30 <div class=\"author-name\"><a href=\"/w\"><img src=\"a.png\"></a><p><a href=\"/w\">王一</a><span>某某大学研究院执行院长</span></p></div>");

        Assert.Equal("王一", article.Author);
    }

    [Fact]
    public void Extract_RoleWordAfterName_RoleDropped()
    {
        var article = ExtractWithHead("区域平台互联互通", string.Empty, "2021-08-30 作者：陈一 整合");

        Assert.Equal("陈一", article.Author);
    }

    [Theory]
    [InlineData("<div class=\"top\">今天是：2021年9月1日 星期三</div><h1>区域平台互联互通</h1><div>2021-08-30 10:30</div>", "2021-08-30T10:30+08:00")]
    [InlineData("<h1>区域平台互联互通</h1><div>更新时间：2021-09-01 发布时间：2021-08-30</div>", "2021-08-30")]
    [InlineData("<h1>区域平台互联互通</h1><table><tr><td>发布时间：</td><td>2021-08-30</td></tr></table>", "2021-08-30")]
    [InlineData("<div class=\"time\">2021-08-30 10:30</div><h1>区域平台互联互通</h1>", "2021-08-30T10:30+08:00")]
    [InlineData("<h1>区域平台互联互通</h1><div>Published: 2021-08-30</div>", "2021-08-30")]
    [InlineData("<h1>区域平台互联互通</h1><div class=\"related\"><a href=\"/x\">某地推进数据共享 2021-09-01</a><a href=\"/y\">某区智慧医院建设 2021-08-31</a></div>", null)]
    [InlineData("<h1>区域平台互联互通</h1><div class=\"dateline\"><a href=\"/media/1\">2021年08月29日 18:03:35 来自某某省</a></div>", "2021-08-29T18:03:35+08:00")]
    public void Extract_HeaderLayouts_ShownPublishDate(string header, string? expected)
    {
        var html = $"<html><head><title>区域平台互联互通</title></head><body>{header}<div class=\"content\">{string.Concat(Enumerable.Repeat(Prose, 6))}<p>某某市卫生健康委员会</p><p>2021年8月30日</p></div></body></html>";
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(new HtmlPage(html, new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt));

        Assert.Equal(expected ?? "2021-08-30", result.Article?.PublishTime?.ToIsoString());
    }
}
