using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Core.Tests.Extraction;

public sealed class NotAnArticleTests
{
    [Theory]
    [InlineData("empty.html", NotArticleReason.EmptyPage)]
    [InlineData("navigation-only.html", NotArticleReason.NoMainContent)]
    [InlineData("wechat-captcha.html", NotArticleReason.Blocked)]
    [InlineData("wechat-deleted.html", NotArticleReason.Deleted)]
    public void Extract_FailurePage_NotAnArticleWithReason(string fixture, NotArticleReason expected)
    {
        var extractor = Fixture.Extractor();

        var result = extractor.Extract(new HtmlPage(Fixture.Read(fixture), new Uri("https://mp.weixin.qq.com/s/abc"), Fixture.FetchedAt));

        Assert.False(result.IsArticle);
        Assert.Null(result.Article);
        Assert.Equal(expected, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public void Extract_BlankHtml_EmptyPage(string html)
    {
        var result = Fixture.Extractor().Extract(new HtmlPage(html));

        Assert.Equal(NotArticleReason.EmptyPage, result.Reason);
    }

    [Fact]
    public void Extract_LongArticleMentioningCaptcha_StillAnArticle()
    {
        var paragraph = "<p>不少医院的自助机在挂号时要求输入验证码，环境异常时会提示重新验证，这给老年患者带来了不便，医院正在改进流程。</p>";
        var html = $"<html><head><title>自助机验证码困扰老年患者</title></head><body><h1>自助机验证码困扰老年患者</h1>{string.Concat(Enumerable.Repeat(paragraph, 40))}</body></html>";

        var result = Fixture.Extractor().Extract(new HtmlPage(html, null, Fixture.FetchedAt));

        Assert.True(result.IsArticle);
    }
}
