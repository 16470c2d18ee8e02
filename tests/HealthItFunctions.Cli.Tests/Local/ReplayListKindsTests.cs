using HealthItFunctions.Cli.Tests.Polling;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Local;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Local;

/// <summary>
/// The replay server serving what today's sources need: a JSON list asked by POST and paged by its body, a WeChat
/// bridge's JSON Feed, and a paged HTML list; polled and backfilled through the real fetcher (a replay written here,
/// in a temporary folder, so the repository's replays stay the evidence engineer's).
/// </summary>
public sealed class ReplayListKindsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _replay = Directory.CreateTempSubdirectory("replay-kinds-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Catalog = """
        { "sources": [
          { "id": "roll", "media": "滚动", "hosts": ["roll.test"],
            "list": { "kind": "json", "startUrls": ["https://roll.test/api/roll"], "method": "POST", "body": "{\"lid\":2515,\"page\":{page}}",
                      "items": "/result/data", "fields": { "title": "/title", "url": "/url", "date": "/intime" },
                      "paging": { "template": "https://roll.test/api/roll", "maxPages": 10 } } },
          { "id": "bridge", "media": "中国数字医学", "hosts": ["mp.weixin.qq.com", "bridge.test"],
            "canonical": { "keepQuery": ["__biz", "mid", "idx", "sn"], "forceHttps": true },
            "list": { "kind": "json-feed", "startUrls": ["https://bridge.test/feeds/digital-medicine.feed.json"] } },
          { "id": "paged", "media": "列表", "hosts": ["list.test"],
            "list": { "kind": "html-list", "startUrls": ["https://list.test/news/"], "rows": "//ul[@class='list']/li", "link": ".//a",
                      "urlPattern": "^https://list\\.test/a/\\d+\\.html$", "date": ".//span",
                      "paging": { "template": "https://list.test/news/list_{page}.html" } } } ] }
        """;

    [Fact]
    public async Task Replay_JsonPostPagedByBody_BackfillWalksItUntilTheMonthEnds()
    {
        await using var server = await StartAsync();
        using var polling = Host(server);

        var result = await polling.Services.GetRequiredService<ListBackfiller>().BackfillAsync(polling.Source("roll"), new BulletinMonth(2026, 11), null, Ct);

        Assert.Equal(["POST", "POST", "POST"], server.Requests.Where(r => r.Path == "/api/roll").Select(r => r.Method));
        Assert.Equal((3, 9, 4), (result.Requests, result.LinksFound, result.Enqueued));
    }

    [Fact]
    public async Task Replay_BridgeJsonFeed_PolledLikeAnyFeed()
    {
        await using var server = await StartAsync();
        using var polling = Host(server);

        var result = await polling.PollAsync("bridge");

        Assert.Equal((2, 2), (result.LinksFound, result.NewLinks));
        Assert.Equal("application/feed+json; charset=utf-8", ReplaySite.ContentTypeOf("digital-medicine.feed.json"));
    }

    [Fact]
    public async Task Replay_PagedHtmlList_BackfillReadsPagesUntilOlderDates()
    {
        await using var server = await StartAsync();
        using var polling = Host(server);

        var result = await polling.Services.GetRequiredService<ListBackfiller>().BackfillAsync(polling.Source("paged"), new BulletinMonth(2026, 11), null, Ct);

        Assert.Equal(["/news/", "/news/list_2.html", "/news/list_3.html"], server.Requests.Where(r => r.Path.StartsWith("/news/", StringComparison.Ordinal)).Select(r => r.Path));
        Assert.Equal((3, 6, 3), (result.Requests, result.LinksFound, result.Enqueued));
    }

    public void Dispose() => Directory.Delete(_replay, recursive: true);

    private PollingHost Host(ReplayServer server)
    {
        // No loopback site: every host goes to the replay instead.
        var overrides = server.HostMap.ToDictionary(h => $"Polling:HostMap:{h.Key}", h => (string?)h.Value);
        return new PollingHost(azurite, null, Catalog, [], overrides);
    }

    private async Task<ReplayServer> StartAsync()
    {
        Write("roll.test/api/roll/p1.json", Roll(("2026-12-02", 1), ("2026-12-01", 2), ("2026-11-30", 3)));
        Write("roll.test/api/roll/p2.json", Roll(("2026-11-20", 4), ("2026-11-10", 5), ("2026-11-01", 6)));
        Write("roll.test/api/roll/p3.json", Roll(("2026-10-30", 7), ("2026-10-20", 8), ("2026-10-10", 9)));
        Write("bridge.test/feeds/digital-medicine.feed.json", """
            {"version":"https://jsonfeed.org/version/1.1","title":"中国数字医学","items":[
             {"id":"1","url":"https://mp.weixin.qq.com/s?__biz=MzA=&mid=1&idx=1&sn=a&chksm=x#rd","title":"一","date_published":"2026-12-03T09:00:00+08:00"},
             {"id":"2","url":"https://mp.weixin.qq.com/s/ShortToken01","title":"二","date_published":"2026-12-01T09:00:00+08:00"}]}
            """);
        Write("list.test/news/index.html", List(1, "2026-12-02", "2026-11-25"));
        Write("list.test/news/list_2.html", List(2, "2026-11-12", "2026-11-02"));
        Write("list.test/news/list_3.html", List(3, "2026-10-28", "2026-10-01"));
        Write("../replay.json", """
            { "lastModified": "2026-12-07T00:00:00Z", "routes": [
              { "host": "roll.test", "path": "/api/roll", "method": "POST", "body": "\"page\":1", "file": "api/roll/p1.json" },
              { "host": "roll.test", "path": "/api/roll", "method": "POST", "body": "\"page\":2", "file": "api/roll/p2.json" },
              { "host": "roll.test", "path": "/api/roll", "method": "POST", "body": "\"page\":3", "file": "api/roll/p3.json" } ] }
            """);
        return await ReplayServer.StartAsync(_replay, Ct);
    }

    private void Write(string relative, string text)
    {
        var path = Path.GetFullPath(Path.Combine(_replay, "sites", relative));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Roll(params (string Day, int N)[] items) =>
        "{\"result\":{\"data\":[" + string.Join(",", items.Select(i =>
            $"{{\"title\":\"第{i.N}条\",\"url\":\"https://roll.test/doc-{i.N}.shtml\",\"intime\":\"{DateTimeOffset.Parse(i.Day + "T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()}\"}}")) + "]}}";

    private static string List(int page, params string[] days) =>
        "<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list\">" +
        string.Concat(days.Select((d, i) => $"<li><a href=\"/a/{page * 10 + i}.html\">第{page * 10 + i}条</a><span>{d}</span></li>")) + "</ul></body></html>";
}
