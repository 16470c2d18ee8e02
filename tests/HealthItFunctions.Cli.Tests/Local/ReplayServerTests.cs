using System.Net;
using System.Text;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Cli.Tests.Local;

/// <summary>The server's HTTP behaviour over the repository's replay: routing, manifest routes, validators, HEAD.</summary>
public sealed class ReplayServerTests(ReplayFixture replay) : IClassFixture<ReplayFixture>
{
    private const string WnxwList = "http://wjw.beijing.gov.cn/xwzx_20031/wnxw/";
    private const string GbkPage = "http://tech.sina.com.cn/roll/2021-08-16/doc-ikqciyzm2175532.shtml";

    [Fact]
    public async Task StartAsync_RepositoryReplay_ListsEveryHostFolderAndBindsLoopbackPort()
    {
        Assert.InRange(replay.Server.Port, 1, 65535);
        Assert.Contains("www.hit180.com", replay.Server.Hosts);
        Assert.Contains("wjw.beijing.gov.cn", replay.Server.Hosts);
        Assert.Contains("new.qq.com", replay.Server.Hosts);
        Assert.Contains("www.bjzhongyi.com", replay.Server.Hosts);
        Assert.Equal($"127.0.0.1:{replay.Server.Port}", replay.Server.HostMap["www.hit180.com"]);
    }

    [Fact]
    public async Task GetAsync_SamePathOnTwoHosts_RoutesByHostHeader()
    {
        using var wjw = await replay.SendAsync(WnxwList);
        using var hit180 = await replay.SendAsync("https://www.hit180.com/xwzx_20031/wnxw/");
        using var unknown = await replay.SendAsync("http://example.org/xwzx_20031/wnxw/");

        Assert.Equal(HttpStatusCode.OK, wjw.StatusCode);
        Assert.Equal("text/html; charset=utf-8", wjw.Content.Headers.ContentType?.ToString());
        Assert.Contains("委内新闻", await wjw.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, hit180.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task GetAsync_FeedWithCampaignQuery_ServesRssIgnoringQuery()
    {
        using var feed = await replay.SendAsync("https://www.hit180.com/feed");
        using var article = await replay.SendAsync("https://www.hit180.com/52842.html?utm_source=rss&utm_medium=rss");

        Assert.Equal("application/rss+xml; charset=utf-8", feed.Content.Headers.ContentType?.ToString());
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
    }

    [Fact]
    public async Task GetAsync_ManifestStatusRoute_Returns500()
    {
        using var response = await replay.SendAsync("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210827_2476201.html");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task GetAsync_ManifestGbkRoute_ServesGbkBytesTheDecoderReadsAsGbk()
    {
        var (bytes, contentType) = await replay.GetBytesAsync(GbkPage);

        Assert.Equal("text/html; charset=gbk", contentType);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        var decoded = HtmlDecoder.Decode(bytes, contentType);
        // GB18030 is the decoder's superset for every GB declaration.
        Assert.Equal(54936, decoded.Encoding.CodePage);
        Assert.Contains("浙江“健康码”再升级", decoded.Text);
        Assert.DoesNotContain('\uFFFD', decoded.Text);
    }

    [Fact]
    public async Task GetAsync_ManifestTruncateRoute_ServesOnlyTheFirstBytes()
    {
        var (bytes, _) = await replay.GetBytesAsync("http://www.bj.chinanews.com/news/2021/0826/83590.htm");
        var file = await File.ReadAllBytesAsync(
            Path.Combine(ReplayFixture.ReplayDirectory, "sites", "www.bj.chinanews.com", "news", "2021", "0826", "83590.htm"), TestContext.Current.CancellationToken);

        Assert.Equal(1249, bytes.Length);
        Assert.Equal(file[..1249], bytes);
        Assert.DoesNotContain("</html>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_IfNoneMatchWithServedETag_Returns304WithoutBody()
    {
        using var first = await replay.SendAsync(WnxwList);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var second = await replay.SendAsync(WnxwList, headers: h => h.IfNoneMatch.Add(etag));
        using var other = await replay.SendAsync(WnxwList, headers: h => h.IfNoneMatch.Add(new("\"0000\"")));

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task GetAsync_IfModifiedSinceManifestDate_Returns304()
    {
        using var first = await replay.SendAsync(WnxwList);
        var lastModified = first.Content.Headers.LastModified;

        using var same = await replay.SendAsync(WnxwList, headers: h => h.IfModifiedSince = lastModified);
        using var older = await replay.SendAsync(WnxwList, headers: h => h.IfModifiedSince = lastModified!.Value.AddDays(-1));

        Assert.Equal(new DateTimeOffset(2021, 8, 31, 16, 0, 0, TimeSpan.Zero), lastModified);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
    }

    [Fact]
    public async Task HeadAsync_Page_ReturnsLengthAndTypeWithoutBody()
    {
        using var get = await replay.SendAsync(WnxwList);
        using var head = await replay.SendAsync(WnxwList, HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_RobotsTxtOnEveryHost_AllowsAll()
    {
        foreach (var host in replay.Server.Hosts)
        {
            using var response = await replay.SendAsync($"http://{host}/robots.txt");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("User-agent: *\nAllow: /\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task GetAsync_PathEscapingTheSiteFolder_Returns404()
    {
        using var response = await replay.SendAsync("http://www.hit180.com/%2e%2e/wjw.beijing.gov.cn/xwzx_20031/wnxw/index.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Requests_AfterAGet_RecordsHostPathAndStatus()
    {
        using var response = await replay.SendAsync("https://www.pumch.cn/hospital_news.html?page=1");

        Assert.Contains(replay.Server.Requests, r => r is { Method: "GET", Host: "www.pumch.cn", Path: "/hospital_news.html", Status: 200 });
    }

    [Fact]
    public async Task GetAsync_EveryEnabledSourceStartUrl_Returns200()
    {
        var sources = ReplayFixture.Seeds().Sources.Where(s => s.IsPollable).ToList();
        Assert.NotEmpty(sources);

        foreach (var url in sources.SelectMany(s => s.List!.StartUrls))
        {
            using var response = await replay.SendAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }
    }
}
