using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Polling;

/// <summary>ListBackfiller through the real fetcher (pacing on) against a loopback site with paged lists, into Azurite's queue.</summary>
public sealed class BackfillTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Newest first, as list pages run: page 1 is December, page 2 straddles Dec/Nov, 3 is November, 4 straddles
    // Nov/Oct, 5 is October only (the walk stops there), 6 must never be asked for.
    private static readonly string[][] Days =
    [
        ["2026-12-05", "2026-12-03", "2026-12-01"],
        ["2026-12-01", "2026-11-28", "2026-11-20"],
        ["2026-11-15", "2026-11-09", "2026-11-02"],
        ["2026-11-01", "2026-10-30", "2026-10-21"],
        ["2026-10-15", "2026-10-10", "2026-10-02"],
        ["2026-09-30", "2026-09-20", "2026-09-10"],
    ];

    [Fact]
    public async Task BackfillAsync_NextPageLinks_WalksUntilDatesAreOlderThanTheMonthWithPacingHeld()
    {
        const string host = "paged.test";
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/news/", () => Results.Content(Page(1), "text/html; charset=utf-8")).RequireHost(host);
            app.MapGet("/news/list_{n:int}.html", (int n) => n <= Days.Length ? Results.Content(Page(n), "text/html; charset=utf-8") : Results.NotFound()).RequireHost(host);
        });
        var catalog = PollingHost.ListCatalog("paged", host).Replace("\"date\": \".//span\"", "\"date\": \".//span\", \"paging\": { \"next\": \"//a[@class='next']\" }");
        using var polling = new PollingHost(azurite, site, catalog, [host], new Dictionary<string, string?> { ["Polling:PerHostDelay"] = "00:00:00.250" });
        var backfiller = polling.Services.GetRequiredService<ListBackfiller>();

        var result = await backfiller.BackfillAsync(polling.Source("paged"), new BulletinMonth(2026, 11), null, Ct);

        var lists = site.Requests.Where(r => r.Path.StartsWith("/news/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/news/", "/news/list_2.html", "/news/list_3.html", "/news/list_4.html", "/news/list_5.html"], lists.Select(r => r.Path));
        Assert.Equal((5, 15), (result.Requests, result.LinksFound));
        // November: 2 on page 2, 3 on page 3, 1 on page 4.
        Assert.Equal((6, 6), (result.LinksInMonth, result.Enqueued));
        Assert.Equal(6, await polling.QueuedArticlesAsync());
        Assert.Contains("older than 2026-11", Assert.Single(result.Stops));
        var gaps = lists.Zip(lists.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(200), $"requests {gap.TotalMilliseconds:0} ms apart, pacing is 250 ms"));
    }

    [Fact]
    public async Task BackfillAsync_JsonPostTemplate_PagesByBodyUntilOlderAndStopsAtMaxPages()
    {
        const string host = "jsonpaged.test";
        var bodies = new List<string>();
        await using var site = await LoopbackSite.StartAsync(app => app.MapPost("/api/roll", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (bodies)
            {
                bodies.Add(body);
            }

            var n = int.Parse(body.Split(':')[1].TrimEnd('}'), System.Globalization.CultureInfo.InvariantCulture);
            var items = Days[n - 1].Select((day, i) => $"{{\"u\":\"/a/{n * 10 + i}.html\",\"d\":\"{day} 09:00:00\"}}");
            return Results.Content("{\"data\":[" + string.Join(",", items) + "]}", "application/json");
        }).RequireHost(host));
        var catalog = $$$"""
            { "sources": [ { "id": "jsonpaged", "media": "测试", "hosts": ["{{{host}}}"],
                "list": { "kind": "json", "startUrls": ["http://{{{host}}}/api/roll"], "method": "POST", "body": "{\"page\":{page}}",
                          "items": "/data", "fields": { "url": "/u", "date": "/d" },
                          "paging": { "template": "http://{{{host}}}/api/roll", "maxPages": 3 } } } ] }
            """;
        using var polling = new PollingHost(azurite, site, catalog, [host]);
        var backfiller = polling.Services.GetRequiredService<ListBackfiller>();

        var result = await backfiller.BackfillAsync(polling.Source("jsonpaged"), new BulletinMonth(2026, 11), null, Ct);

        Assert.Equal(["{\"page\":1}", "{\"page\":2}", "{\"page\":3}"], bodies);
        Assert.Equal((3, 9, 5), (result.Requests, result.LinksFound, result.Enqueued));
        Assert.Contains("maxPages 3", Assert.Single(result.Stops));
    }

    private static string Page(int n) =>
        "<html><head><meta charset=\"utf-8\"><title>列表</title></head><body><ul class=\"list\">" +
        string.Concat(Days[n - 1].Select((day, i) => $"<li><a href=\"/a/{n * 10 + i}.html\">第{n * 10 + i}条</a><span>{day}</span></li>")) +
        $"</ul><div class=\"pages\"><a href=\"/news/\">首页</a><a class=\"next\" href=\"/news/list_{n + 1}.html\">下一页</a></div></body></html>";
}
