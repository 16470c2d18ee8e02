using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Urls;

namespace HealthItFunctions.Core.Tests.Urls;

/// <summary>
/// One story, one id: the URL forms a story is reached by (http/https, host aliases, qq omn/rain, WeChat share noise)
/// through <see cref="ArticleUrls"/>, the rule polls, backfills, `sources match` and the review page share.
/// </summary>
public sealed class CanonicalIdTableTests
{
    private static readonly ArticleUrls Urls = new(new FileSourceCatalog(SourceCatalog.Parse(File.ReadAllText(Fixture("canonical-catalog.json")))));

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Urls", "Fixtures", name);

    [Theory]
    [InlineData("qq", "https://new.qq.com/omn/20261203/20261203A01ABC00.html",
        "https://news.qq.com/rain/a/20261203A01ABC00", "http://news.qq.com/rain/a/20261203A01ABC00",
        "https://new.qq.com/rain/a/20261203A01ABC00?from=timeline", "http://new.qq.com/omn/20261203A01ABC00")]
    [InlineData("chinanews", "https://www.bj.chinanews.com.cn/news/2026/1203/95001.html",
        "http://www.bj.chinanews.com/news/2026/1203/95001.html", "https://www.bj.chinanews.com.cn/news/2026/1203/95001.html#pinglun",
        "HTTP://WWW.BJ.CHINANEWS.COM/news/2026/1203/95001.html")]
    [InlineData("wechat", "https://mp.weixin.qq.com/s?__biz=MzA3MDAwMDAwMQ==&mid=2650000001&idx=1&sn=0123456789abcdef0123456789abcdef",
        "http://mp.weixin.qq.com/s?__biz=MzA3MDAwMDAwMQ==&mid=2650000001&idx=1&sn=0123456789abcdef0123456789abcdef&chksm=9a1b&scene=21#wechat_redirect",
        "https://mp.weixin.qq.com/s?sn=0123456789abcdef0123456789abcdef&idx=1&mid=2650000001&__biz=MzA3MDAwMDAwMQ==")]
    public void Identify_OneStoryManyUrls_OneCanonicalAndOneId(string source, string canonical, params string[] forms)
    {
        var expected = Urls.Identify(new Uri(canonical));

        foreach (var form in forms)
        {
            var identity = Urls.Identify(new Uri(form));
            Assert.Equal(source, identity.Source?.Id);
            Assert.Equal(canonical, identity.Canonical.AbsoluteUri);
            Assert.Equal(expected.Id, identity.Id);
        }
    }

    [Theory]
    [InlineData("https://news.qq.com/rain/a/20261203A01ABC00", "https://news.qq.com/rain/a/20261204A09XYZ00")]
    [InlineData("https://mp.weixin.qq.com/s?__biz=MzA=&mid=1&idx=1&sn=a", "https://mp.weixin.qq.com/s?__biz=MzA=&mid=1&idx=2&sn=b")]
    public void Identify_DifferentStories_DifferentIds(string one, string other) =>
        Assert.NotEqual(Urls.Identify(new Uri(one)).Id, Urls.Identify(new Uri(other)).Id);

    [Fact]
    public void Identify_UnclaimedUrl_NoSourceGenericCanonical()
    {
        var identity = Urls.Identify(new Uri("HTTPS://Example.org/a?utm_source=x&b=1#top"));

        Assert.Null(identity.Source);
        Assert.Equal("https://example.org/a?b=1", identity.Canonical.AbsoluteUri);
    }

    [Fact]
    public void ShortLink_ResolvedFromPageMsgLink_GetsTheLongLinksId()
    {
        var wechat = Urls.Identify(new Uri("https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv"));
        var rule = wechat.Source!.Canonical!;
        var html = File.ReadAllText(Fixture("wechat-short-long.html"));

        var resolved = ShortLinks.Resolve(wechat.Url, wechat.Url, html, rule);

        Assert.True(ShortLinks.IsShortForm(wechat.Url, rule));
        Assert.NotNull(resolved);
        Assert.Equal(
            Urls.Identify(new Uri("https://mp.weixin.qq.com/s?__biz=MzA3MDAwMDAwMQ==&mid=2650000001&idx=1&sn=0123456789abcdef0123456789abcdef")).Id,
            Urls.Identify(resolved).Id);
    }

    [Fact]
    public void ShortLink_RedirectEndsOnLongLink_ResolvedByTheRedirect()
    {
        var shortUrl = new Uri("https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv");
        var longUrl = new Uri("https://mp.weixin.qq.com/s?__biz=MzA=&mid=7&idx=1&sn=f00");
        var rule = Urls.Identify(shortUrl).Source!.Canonical!;

        Assert.Equal(longUrl, ShortLinks.Resolve(shortUrl, longUrl, "<html></html>", rule));
    }

    [Fact]
    public void ShortLink_PageNamesOnlyTheShortLink_StaysUnresolved()
    {
        var shortUrl = new Uri("https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv");
        var rule = Urls.Identify(shortUrl).Source!.Canonical!;
        const string html = "<meta property=\"og:url\" content=\"http://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv\"><script>var msg_link = \"http://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv\";</script>";

        Assert.Null(ShortLinks.Resolve(shortUrl, shortUrl, html, rule));
    }
}
