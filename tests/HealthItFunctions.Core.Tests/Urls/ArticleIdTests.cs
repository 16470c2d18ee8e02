using HealthItFunctions.Core.Urls;

namespace HealthItFunctions.Core.Tests.Urls;

public sealed class ArticleIdTests
{
    [Fact]
    public void From_SameCanonicalUrl_SameIdEveryTime()
    {
        var url = new Uri("https://www.hit180.com/68731.html");

        Assert.Equal(ArticleId.From(url), ArticleId.From(new Uri(url.AbsoluteUri)));
    }

    [Fact]
    public void From_AnyUrl_Is32LowerHexCharacters()
    {
        var id = ArticleId.From(new Uri("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202503/t20250301_1.html"));

        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public void From_KnownUrl_IsTheSha256Prefix()
    {
        // sha256("https://www.hit180.com/68731.html"), first 16 bytes, computed independently with sha256sum.
        Assert.Equal(ExpectedPrefix, ArticleId.From(new Uri("https://www.hit180.com/68731.html")));
    }

    [Fact]
    public void From_TwoSharesOfOneWeChatArticle_SameIdAfterCanonicalization()
    {
        var a = UrlCanonicalizer.Canonicalize(new Uri("https://mp.weixin.qq.com/s?__biz=MzA5&mid=1&idx=1&sn=ab&scene=21"), CanonicalUrlRule.WeChat);
        var b = UrlCanonicalizer.Canonicalize(new Uri("http://mp.weixin.qq.com/s?sn=ab&idx=1&mid=1&__biz=MzA5&chksm=ff#rd"), CanonicalUrlRule.WeChat);

        Assert.Equal(ArticleId.From(a), ArticleId.From(b));
    }

    private const string ExpectedPrefix = "a09c30a78b67ce88b2270546da4b7ae3";
}
