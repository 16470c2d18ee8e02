using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Urls;

/// <summary>
/// The shipped catalog's canonical rules, as polling and "add by URL" apply them: the source that claims the URL's host,
/// then its rule. One story reached two ways must be one id.
/// </summary>
public sealed class CatalogCanonicalIdTests
{
    private static readonly SourceCatalog Catalog = HealthItFunctions.Core.Sources.SourceCatalogLoader.Load(Path.Combine(RepositoryPaths.Root, "seeds", "sources.json"));

    public static TheoryData<string, string> SameStory => new()
    {
        // http and https
        { "http://www.hit180.com/52842.html", "https://www.hit180.com/52842.html?utm_source=rss#respond" },
        { "http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210820_2472655.html", "https://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210820_2472655.html" },
        { "http://www.gov.cn/lianbo/bumen/202510/content_7044277.htm", "https://www.gov.cn/lianbo/bumen/202510/content_7044277.htm" },
        { "http://gov.cn/yaowen/liebiao/202606/content_7072204.htm", "https://www.gov.cn/yaowen/liebiao/202606/content_7072204.htm" },
        { "http://tech.sina.com.cn/roll/2021-08-16/doc-ikqciyzm2175532.shtml", "https://tech.sina.com.cn/roll/2021-08-16/doc-ikqciyzm2175532.shtml" },
        { "http://finance.sina.com.cn/tech/2026-05-08/doc-inhxewec4337137.shtml", "https://finance.sina.com.cn/tech/2026-05-08/doc-inhxewec4337137.shtml" },
        { "http://www.bjzhongyi.com/gzb_yyxw_detail/9051.html", "https://bjzhongyi.com/gzb_yyxw_detail/9051.html" },
        { "http://www.pumch.cn/detail/7617.html", "https://pumch.cn/detail/7617.html" },
        // host aliases: chinanews .com and .com.cn
        { "http://www.bj.chinanews.com/news/2025/0110/97844.html", "https://www.bj.chinanews.com.cn/news/2025/0110/97844.html" },
        { "http://bj.chinanews.com.cn/news/2026/0528/102579.html", "https://www.bj.chinanews.com.cn/news/2026/0528/102579.html" },
        // host aliases: qq new. and news.
        { "https://news.qq.com/rain/a/20260613A05H0V00", "http://new.qq.com/rain/a/20260613A05H0V00" },
        { "https://news.qq.com/omn/20210901/20210901A03Q6K00.html", "https://new.qq.com/omn/20210901/20210901A03Q6K00.html" },
        // qq rewrite: today's rain/a/<id> and the older omn/<yyyymmdd>/<id>.html are one article
        { "https://news.qq.com/rain/a/20210901A03Q6K00", "https://new.qq.com/omn/20210901/20210901A03Q6K00.html" },
        { "http://new.qq.com/rain/a/20261205A03KQ700?suid=&media_id=", "https://new.qq.com/omn/20261205/20261205A03KQ700.html" },
        { "https://new.qq.com/omn/20261205A03KQ700", "https://news.qq.com/rain/a/20261205A03KQ700" },
        // WeChat long links: per-share parameters dropped, scheme settled
        {
            "http://mp.weixin.qq.com/s?__biz=Mzg4NTA1MTkwNA==&mid=2247532942&idx=1&sn=a84e4adbe49fdb39e4d4c1b5c12a4c3f&chksm=1&scene=21#wechat_redirect",
            "https://mp.weixin.qq.com/s?sn=a84e4adbe49fdb39e4d4c1b5c12a4c3f&idx=1&mid=2247532942&__biz=Mzg4NTA1MTkwNA=="
        },
        // WeChat short links: the query is share noise
        { "https://mp.weixin.qq.com/s/FnjcMXZ1xdS-d6n-pUUyyw?scene=1", "http://mp.weixin.qq.com/s/FnjcMXZ1xdS-d6n-pUUyyw" },
    };

    public static TheoryData<string, string> DifferentStories => new()
    {
        { "https://www.bj.chinanews.com.cn/news/2026/0528/102579.html", "https://www.bj.chinanews.com.cn/news/2026/0528/102580.html" },
        { "https://news.qq.com/rain/a/20260613A05H0V00", "https://news.qq.com/rain/a/20260617A06ZG800" },
        { "https://news.qq.com/rain/a/20260613A05H0V00", "https://new.qq.com/omn/20260613/20260613A05H0V01.html" },
        { "https://ims.pumch.cn/detail/26366.html", "https://www.pumch.cn/detail/26367.html" },
    };

    [Theory]
    [MemberData(nameof(SameStory))]
    public void ArticleId_OneStoryTwoWays_OneId(string first, string second) =>
        Assert.Equal(Id(first), Id(second));

    [Theory]
    [MemberData(nameof(DifferentStories))]
    public void ArticleId_TwoStories_TwoIds(string first, string second) =>
        Assert.NotEqual(Id(first), Id(second));

    [Fact]
    public void Canonicalize_EveryCataloguedHostOverHttp_SettlesOnHttps()
    {
        foreach (var source in Catalog.Sources)
        {
            foreach (var pattern in source.Hosts)
            {
                var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? "www." + pattern[2..] : pattern;

                var canonical = Canonical($"http://{host}/a/1.html");

                Assert.True(canonical.Scheme == Uri.UriSchemeHttps, $"{source.Id}: http://{host}/ canonicalizes to {canonical}");
            }
        }
    }

    [Theory]
    [InlineData("http://www.bj.chinanews.com/news/2021/0826/83590.htm", "https://www.bj.chinanews.com.cn/news/2021/0826/83590.htm")]
    [InlineData("https://news.qq.com/rain/a/20260613A05H0V00", "https://new.qq.com/omn/20260613/20260613A05H0V00.html")]
    [InlineData("https://new.qq.com/omn/20210901/20210901A03Q6K00.html", "https://new.qq.com/omn/20210901/20210901A03Q6K00.html")]
    [InlineData("http://www.hit180.com/52673.html?from=timeline", "https://www.hit180.com/52673.html")]
    public void Canonicalize_CatalogRule_PreferredForm(string url, string expected) =>
        Assert.Equal(expected, Canonical(url).AbsoluteUri);

    private static Uri Canonical(string url)
    {
        var source = Catalog.Match(new Uri(url)) ?? throw new InvalidOperationException($"no catalogued source claims {url}");
        return UrlCanonicalizer.Canonicalize(new Uri(url), source.Canonical);
    }

    private static string Id(string url) => ArticleId.From(Canonical(url));
}
