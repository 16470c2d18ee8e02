using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>
/// Body pictures as extraction finds them: in order, placed among the paragraphs, with alt text, the lazy-loading
/// address rather than the placeholder, and a caption only where the markup sets a line apart as one
/// (Extraction/Fixtures/pictures, one file per shape).
/// </summary>
public sealed class BodyPicturesTests
{
    private static ExtractedArticle Extract(string name)
    {
        var page = new HtmlPage(Fixture.Read(Path.Combine("pictures", name)), new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt);
        return Assert.IsType<ExtractedArticle>(Fixture.Extractor(SourceCatalog.Empty).Extract(page).Article);
    }

    [Fact]
    public void Extract_WordPressCaption_CaptionLeavesTheTextAndPictureSitsBetweenItsParagraphs()
    {
        var article = Extract("wp-caption.html");

        var image = Assert.Single(article.Images);
        Assert.Equal("https://news.example.cn/uploads/2024/05/portrait.jpg", image.Url);
        Assert.Equal("王主任", image.Alt);
        Assert.Equal("区卫生健康委信息中心主任 王某某", image.Caption);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("王某某", StringComparison.Ordinal));
        Assert.Equal(1, image.Position);
        Assert.Equal("平台建设的三个阶段", article.Paragraphs[image.Position]);
    }

    [Fact]
    public void Extract_FigureWithAndWithoutFigcaption_OnlyTheFigcaptionIsACaption()
    {
        var article = Extract("figure-figcaption.html");

        Assert.Equal(["https://img.example.cn/a/1.png", "https://img.example.cn/a/2.png"], article.Images.Select(i => i.Url));
        Assert.Equal("图为平台首页截图", article.Images[0].Caption);
        Assert.Null(article.Images[1].Caption);
        Assert.Equal([1, 2], article.Images.Select(i => i.Position));
        Assert.Equal(3, article.Paragraphs.Count);
    }

    [Fact]
    public void Extract_LazyPicturesWithCentredCaptions_TakesDataAttributesAndCentredLinesButNotABoldHeading()
    {
        var article = Extract("centred-lazy.html");

        Assert.Equal(
            ["https://mmbiz.example.cn/pic/1.png", "https://news.example.cn/pic/2.webp", "https://mmbiz.example.cn/pic/3.jpg"],
            article.Images.Select(i => i.Url));
        Assert.Equal(["① 打开应用首页，点击【检查报告】", "② 选择就诊医院", null], article.Images.Select(i => i.Caption));
        Assert.Equal([1, 1, 2], article.Images.Select(i => i.Position));
        Assert.Contains("三、下一步工作", article.Paragraphs);
        Assert.DoesNotContain(article.Paragraphs, p => p.StartsWith('①') || p.StartsWith('②'));
    }

    [Fact]
    public void Extract_PlainLineAfterPicture_StaysTextAndIconsAreNoPictures()
    {
        var article = Extract("heading-after-picture.html");

        var chart = Assert.Single(article.Images);
        Assert.Equal("就诊人次变化", chart.Alt);
        Assert.Null(chart.Caption);
        Assert.Equal("平台上线后的变化", article.Paragraphs[chart.Position]);
    }
}
