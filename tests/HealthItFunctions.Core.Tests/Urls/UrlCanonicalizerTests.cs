using HealthItFunctions.Core.Urls;

namespace HealthItFunctions.Core.Tests.Urls;

public sealed class UrlCanonicalizerTests
{
    public static TheoryData<string, string> GenericCases() => new()
    {
        { "HTTP://WJW.Beijing.GOV.CN/xwzx_20031/wnxw/", "http://wjw.beijing.gov.cn/xwzx_20031/wnxw/" },
        { "http://wjw.beijing.gov.cn:80/a.html", "http://wjw.beijing.gov.cn/a.html" },
        { "https://www.gov.cn:443/a.htm", "https://www.gov.cn/a.htm" },
        { "http://www.gov.cn:8080/a.htm", "http://www.gov.cn:8080/a.htm" },
        { "http://tech.sina.com.cn/a.shtml#comments", "http://tech.sina.com.cn/a.shtml" },
        { "http://tech.sina.com.cn/a.shtml?utm_source=wx&utm_medium=share&id=7", "http://tech.sina.com.cn/a.shtml?id=7" },
        { "https://news.qq.com/a.htm?spm=a.b.c&from=timeline&isappinstalled=0", "https://news.qq.com/a.htm" },
        { "http://x.cn/list?page=2&cat=1", "http://x.cn/list?cat=1&page=2" },
        { "http://x.cn/a?share_token=abc&sharer_shareid=1&p=1", "http://x.cn/a?p=1" },
        { "http://x.cn", "http://x.cn/" },
        { "http://x.cn/a/../b/./c.html", "http://x.cn/b/c.html" },
        { "http://www.x.cn./a", "http://www.x.cn/a" },
        { "http://x.cn/%E5%81%A5%E5%BA%B7.html", "http://x.cn/%E5%81%A5%E5%BA%B7.html" },
    };

    [Theory]
    [MemberData(nameof(GenericCases))]
    public void Canonicalize_NoSiteRule_AppliesGenericSteps(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(input)).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://www.hit180.com/68731.html#respond", "https://www.hit180.com/68731.html")]
    [InlineData("https://www.hit180.com/68731.html?replytocom=12", "https://www.hit180.com/68731.html")]
    [InlineData("https://WWW.HIT180.com/68731.html?from=singlemessage#comments", "https://www.hit180.com/68731.html")]
    public void Canonicalize_Hit180Rule_DropsQueryAndRespondAnchor(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(input), CanonicalUrlRule.Hit180).AbsoluteUri);
    }

    [Theory]
    [InlineData(
        "http://mp.weixin.qq.com/s?__biz=MzA5&mid=2650&idx=1&sn=8f2a&chksm=8b&scene=21#wechat_redirect",
        "https://mp.weixin.qq.com/s?__biz=MzA5&mid=2650&idx=1&sn=8f2a")]
    [InlineData(
        "https://mp.weixin.qq.com/s?sn=8f2a&idx=1&scene=0&mid=2650&__biz=MzA5",
        "https://mp.weixin.qq.com/s?__biz=MzA5&mid=2650&idx=1&sn=8f2a")]
    [InlineData("https://mp.weixin.qq.com/s/AbC-d_EfG?scene=1&key=secret", "https://mp.weixin.qq.com/s/AbC-d_EfG")]
    public void Canonicalize_WeChatRule_KeepsOnlyArticleIdentity(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(input), CanonicalUrlRule.WeChat).AbsoluteUri);
    }

    [Fact]
    public void Canonicalize_HostAlias_MapsMobileToDesktop()
    {
        var rule = new CanonicalUrlRule { HostAliases = new Dictionary<string, string> { ["m.news.cn"] = "www.news.cn" } };

        var canonical = UrlCanonicalizer.Canonicalize(new Uri("http://M.news.cn/2025-03/01/c_1.htm"), rule);

        Assert.Equal("http://www.news.cn/2025-03/01/c_1.htm", canonical.AbsoluteUri);
    }

    [Fact]
    public void Canonicalize_SiteDropParameters_DropsThemToo()
    {
        var rule = new CanonicalUrlRule { DropParameters = ["source"] };

        var canonical = UrlCanonicalizer.Canonicalize(new Uri("http://x.cn/a?id=1&source=rss"), rule);

        Assert.Equal("http://x.cn/a?id=1", canonical.AbsoluteUri);
    }

    [Fact]
    public void Canonicalize_RelativeUri_ThrowsNamingTheFix()
    {
        var error = Assert.Throws<ArgumentException>(() => UrlCanonicalizer.Canonicalize(new Uri("/a.html", UriKind.Relative)));

        Assert.Contains("Resolve", error.Message);
    }

    [Theory]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/", "./202503/t20250301_1.html", "http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202503/t20250301_1.html")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/index.html", "../jcdt/a.html", "http://wjw.beijing.gov.cn/xwzx_20031/jcdt/a.html")]
    [InlineData("https://www.hit180.com/", "//www.hit180.com/1.html", "https://www.hit180.com/1.html")]
    [InlineData("https://www.hit180.com/", "  /2.html\n", "https://www.hit180.com/2.html")]
    [InlineData("https://x.cn/", "/s?__biz=a&amp;mid=1", "https://x.cn/s?__biz=a&mid=1")]
    [InlineData("https://x.cn/", "http://other.cn/a", "http://other.cn/a")]
    public void Resolve_RelativeHref_AbsoluteAgainstPage(string page, string href, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Resolve(new Uri(page), href)?.AbsoluteUri);
    }

    [Theory]
    [InlineData("javascript:void(0)")]
    [InlineData("mailto:a@b.cn")]
    [InlineData("#top")]
    [InlineData("")]
    [InlineData(null)]
    public void Resolve_NotAWebLink_ReturnsNull(string? href)
    {
        Assert.Null(UrlCanonicalizer.Resolve(new Uri("http://x.cn/"), href));
    }

    [Fact]
    public void ResolveCanonical_TrackedRelativeLink_OneStep()
    {
        var canonical = UrlCanonicalizer.ResolveCanonical(new Uri("https://www.hit180.com/category/news"), "/68731.html#respond", CanonicalUrlRule.Hit180);

        Assert.Equal("https://www.hit180.com/68731.html", canonical?.AbsoluteUri);
    }
}
