using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Tests.Extraction;

public sealed class HostileTextTests
{
    [Fact]
    public void Extract_EntitiesSpellingXmlInvalidCodePoints_FieldsAreClean()
    {
        var result = Fixture.Extractor().Extract(new HtmlPage(Fixture.Read("hostile/xml-invalid-entities.html"), new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt));

        var article = Assert.IsType<ExtractedArticle>(result.Article);
        Assert.Equal("医院信息化建设新进展", article.Title);
        Assert.All(article.Paragraphs, p => Assert.True(TextSanitizer.IsClean(p), p));
        Assert.True(TextSanitizer.IsClean(article.Source), article.Source);
        Assert.True(TextSanitizer.IsClean(article.Author), article.Author);
        Assert.Contains(article.Paragraphs, p => p.Contains("信息系统升级，实现了", StringComparison.Ordinal));
    }
}
