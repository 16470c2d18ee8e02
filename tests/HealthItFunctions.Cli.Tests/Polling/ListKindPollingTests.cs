using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Moq;

namespace HealthItFunctions.Cli.Tests.Polling;

/// <summary>The json kind, feed discovery and the never-blind fallback, polled through the real fetcher into Azurite.</summary>
public sealed class ListKindPollingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PollAsync_JsonPostList_EnqueuesItemsMatchingThePattern()
    {
        const string host = "api.jsonlist.test";
        string? body = null;
        await using var site = await LoopbackSite.StartAsync(app => app.MapPost("/api/list", async (HttpContext context) =>
        {
            body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            return Results.Content("""
                {"data":{"list":[
                  {"t":"一","u":"http://api.jsonlist.test/a/1.html","d":1796256000},
                  {"t":"二","u":"/a/2.html","d":"1796169600000"},
                  {"t":"广告","u":"http://ads.test/x","d":1796169600}]}}
                """, "application/json; charset=utf-8");
        }).RequireHost(host));
        var catalog = $$"""
            { "sources": [ { "id": "jsonlist", "media": "测试", "hosts": ["{{host}}"],
                "list": { "kind": "json", "startUrls": ["http://{{host}}/api/list"], "method": "POST", "body": "{\"page\":{page},\"size\":20}",
                          "items": "/data/list", "fields": { "title": "/t", "url": "/u", "date": "/d" },
                          "urlPattern": "^http://api\\.jsonlist\\.test/a/\\d+\\.html$" } } ] }
            """;
        using var polling = new PollingHost(azurite, site, catalog, [host]);

        var result = await polling.PollAsync("jsonlist");

        Assert.Equal((2, 2), (result.LinksFound, result.NewLinks));
        Assert.Equal("{\"page\":1,\"size\":20}", body);
        Assert.Equal(2, await polling.QueuedArticlesAsync());
        Assert.Empty((await polling.States.GetAsync("jsonlist", Ct)).Incidents);
    }

    [Fact]
    public async Task PollAsync_RowsBrokenButLinksMatchPattern_EnqueuesLinksAndRaisesRuleBrokenOnce()
    {
        const string host = "fallback.test";
        var redesigned = "<html><body><div class=\"cards\">" +
                         string.Concat(Enumerable.Range(1, 4).Select(i => $"<div class=\"card\"><a href=\"/a/{i}.html\">新闻{i}</a></div>")) +
                         "<a href=\"/about.html\">关于</a></div></body></html>";
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/news/", () => Results.Content(redesigned, "text/html; charset=utf-8")).RequireHost(host));
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("fallback", host), [host]);

        var first = await polling.PollAsync("fallback");
        var queued = await polling.QueuedArticlesAsync();
        var second = await polling.PollAsync("fallback");

        Assert.Equal((4, 4), (first.LinksFound, first.NewLinks));
        Assert.Equal(4, queued);
        Assert.Equal(4, second.LinksFound);
        polling.Alerts.Verify(a => a.RaiseAsync(It.Is<SourceIncident>(i => i.SourceId == "fallback" && i.Kind == IncidentKinds.RuleBroken && !i.Recovered
            && i.Detail.Contains("4 links are taken from anchors matching urlPattern")), It.IsAny<CancellationToken>()), Times.Once);
        polling.Alerts.VerifyNoOtherCalls();
        Assert.Equal(IncidentKinds.RuleBroken, Assert.Single((await polling.States.GetAsync("fallback", Ct)).Incidents).Kind);
    }

    [Fact]
    public async Task PollAsync_DiscoverFeeds_PollsTheAnnouncedFeedAlsoWhenThePageIsUnchanged()
    {
        const string host = "discover.test";
        const string feed = """
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
            <item><title>一</title><link>http://discover.test/a/7.html</link><pubDate>Thu, 03 Dec 2026 08:00:00 +0800</pubDate></item>
            <item><title>评论</title><link>http://discover.test/comments/7</link></item>
            </channel></rss>
            """;
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/news/", (HttpContext context) =>
            {
                if (context.Request.Headers.IfNoneMatch.ToString() == "\"p1\"")
                {
                    return Results.StatusCode(304);
                }

                context.Response.Headers.ETag = "\"p1\"";
                return Results.Content("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\"></head><body>" +
                                       "<ul class=\"list\"><li><a href=\"/a/1.html\">一</a></li></ul></body></html>", "text/html; charset=utf-8");
            }).RequireHost(host);
            app.MapGet("/feed", () => Results.Content(feed, "application/rss+xml")).RequireHost(host);
        });
        var catalog = PollingHost.ListCatalog("discover", host).Replace("\"kind\": \"html-list\",", "\"kind\": \"html-list\", \"discoverFeeds\": true,");
        using var polling = new PollingHost(azurite, site, catalog, [host]);

        var first = await polling.PollAsync("discover");
        await polling.PollAsync("discover");

        Assert.Equal((2, 2), (first.LinksFound, first.NewLinks));
        Assert.Equal(2, site.RequestsTo("/feed").Count);
        Assert.Equal(1, first.PagesFetched - 1);
        Assert.Equal(["http://discover.test/feed"], (await polling.States.GetAsync("discover", Ct)).Pages["http://discover.test/news/"].Feeds);
    }
}
