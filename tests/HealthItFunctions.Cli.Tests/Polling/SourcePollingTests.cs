using System.Text;
using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Moq;

namespace HealthItFunctions.Cli.Tests.Polling;

/// <summary>SourcePoller end to end: the real fetcher against a loopback site, state in Azurite's sourcestate table.</summary>
public sealed class SourcePollingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PollAsync_UnchangedListSecondTime_Gets304AndEnqueuesNothing()
    {
        const string host = "unchanged.test";
        var notModified = 0;
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/news/", (HttpContext context) =>
        {
            const string etag = "\"v1\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref notModified);
                return Results.StatusCode(304);
            }

            context.Response.Headers.ETag = etag;
            return Results.Content(PollingHost.ListPage(3), "text/html; charset=utf-8");
        }).RequireHost(host));
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("unchanged", host), [host]);

        var first = await polling.PollAsync("unchanged");
        var queuedAfterFirst = await polling.QueuedArticlesAsync();
        await polling.ClearArticlesAsync();
        var second = await polling.PollAsync("unchanged");

        Assert.Equal((3, 3), (first.LinksFound, first.NewLinks));
        Assert.Equal(3, queuedAfterFirst);
        Assert.Equal((0, 0, 1), (second.LinksFound, second.NewLinks, second.PagesNotModified));
        var requests = site.RequestsTo("/news/");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.Equal(1, notModified);
        Assert.Equal(0, await polling.QueuedArticlesAsync());
        var state = await polling.States.GetAsync("unchanged", Ct);
        Assert.Equal(3, state.LinksLastPoll);
    }

    [Fact]
    public async Task PollAsync_LinkTooLongForAQueueMessage_SkippedWithANoteAndThePollCompletes()
    {
        const string host = "oversized.test";
        var hugePath = "/a/" + new string('0', 60_000) + "7.html";
        var hugeTitle = string.Concat(Enumerable.Repeat("卫生信息化", 20_000));
        var list = "<html><head><meta charset=\"utf-8\"><title>新闻</title></head><body><ul class=\"list\">"
            + "<li><a href=\"/a/1.html\">第1条 卫生信息化新闻</a><span>2021-08-01</span></li>"
            + $"<li><a href=\"{hugePath}\">地址过长的链接</a><span>2021-08-02</span></li>"
            + $"<li><a href=\"/a/3.html\">{hugeTitle}</a><span>2021-08-03</span></li>"
            + "<li><a href=\"/a/4.html\">第4条 卫生信息化新闻</a><span>2021-08-04</span></li></ul></body></html>";
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/news/", () => Results.Content(list, "text/html; charset=utf-8")).RequireHost(host));
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("oversized", host), [host]);

        var result = await polling.PollAsync("oversized");

        Assert.Equal((4, 3), (result.LinksFound, result.NewLinks));
        Assert.Equal(3, await polling.QueuedArticlesAsync());
        var state = await polling.States.GetAsync("oversized", Ct);
        Assert.Equal(4, state.LinksLastPoll);
        Assert.Contains(state.Notes, note => note.Contains("does not fit a queue message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PollAsync_FiveFailuresThenRecovery_RaisesOneAlertAndOneRecovery()
    {
        const string host = "flaky.test";
        var failing = true;
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/news/", () => failing
            ? Results.StatusCode(500)
            : Results.Content(PollingHost.ListPage(2), "text/html; charset=utf-8")).RequireHost(host));
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("flaky", host), [host]);

        for (var i = 0; i < 7; i++)
        {
            await polling.PollAsync("flaky");
        }

        var afterFailures = await polling.States.GetAsync("flaky", Ct);
        failing = false;
        // The per-host circuit opened on the failures (Polling:CircuitBreakDuration 1 s here).
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        await polling.PollAsync("flaky");
        await polling.PollAsync("flaky");

        Assert.Equal(7, afterFailures.ConsecutiveFailures);
        Assert.Equal(IncidentKinds.Failing, Assert.Single(afterFailures.Incidents).Kind);
        polling.Alerts.Verify(a => a.RaiseAsync(It.Is<SourceIncident>(i => i.SourceId == "flaky" && i.Kind == IncidentKinds.Failing && !i.Recovered), It.IsAny<CancellationToken>()), Times.Once);
        polling.Alerts.Verify(a => a.RaiseAsync(It.Is<SourceIncident>(i => i.SourceId == "flaky" && i.Kind == IncidentKinds.Failing && i.Recovered), It.IsAny<CancellationToken>()), Times.Once);
        polling.Alerts.VerifyNoOtherCalls();
        var recovered = await polling.States.GetAsync("flaky", Ct);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Empty(recovered.Incidents);
    }

    [Fact]
    public async Task PollAsync_ListMarkupChanged_RaisesRuleBrokenOnce()
    {
        const string host = "redesign.test";
        var redesigned = false;
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/news/", () => Results.Content(redesigned
            ? "<html><body><div class=\"cards\">" + string.Concat(Enumerable.Range(1, 5).Select(i => $"<div class=\"card\"><a href=\"/article?id={i}\">新闻{i}</a></div>")) + "</div></body></html>"
            : PollingHost.ListPage(5), "text/html; charset=utf-8")).RequireHost(host));
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("redesign", host), [host]);

        var before = await polling.PollAsync("redesign");
        redesigned = true;
        for (var i = 0; i < 3; i++)
        {
            await polling.PollAsync("redesign");
        }

        Assert.Equal(5, before.LinksFound);
        polling.Alerts.Verify(a => a.RaiseAsync(It.Is<SourceIncident>(i => i.Kind == IncidentKinds.RuleBroken && !i.Recovered && i.Detail.Contains("/news/")), It.IsAny<CancellationToken>()), Times.Once);
        polling.Alerts.VerifyNoOtherCalls();
        var state = await polling.States.GetAsync("redesign", Ct);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(0, state.LinksLastPoll);
    }

    [Fact]
    public async Task PollAsync_RobotsDisallowsList_RecordsHealthNote()
    {
        const string host = "private.test";
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /news/\n")).RequireHost(host);
            app.MapGet("/news/", () => Results.Content(PollingHost.ListPage(2), "text/html")).RequireHost(host);
        });
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("private", host), [host]);

        var result = await polling.PollAsync("private");

        Assert.Equal(1, result.PagesFailed);
        Assert.Empty(site.RequestsTo("/news/"));
        var state = await polling.States.GetAsync("private", Ct);
        Assert.Contains(state.Notes, n => n.Contains("robots.txt disallows list page http://private.test/news/"));
    }

    [Fact]
    public async Task PollAsync_GbkListDeclaredUtf8_DecodesRightAndRecordsEvidence()
    {
        const string host = "gbk.test";
        var gbk = CodePagesEncoding.Gb18030();
        var bytes = gbk.GetBytes(PollingHost.ListPage(2).Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta name=\"k\" content=\"北京市卫生健康委员会信息中心 卫生信息化 舆情监测 月报\">"));
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/news/", () => Results.Bytes(bytes, "text/html; charset=utf-8")).RequireHost(host));
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("gbk", host), [host]);

        var result = await polling.PollAsync("gbk");
        await polling.PollAsync("gbk");

        Assert.Equal(2, result.LinksFound);
        var state = await polling.States.GetAsync("gbk", Ct);
        var page = state.Pages["http://gbk.test/news/"];
        Assert.Equal("gb18030", page.Encoding);
        Assert.Contains("ignored", page.EncodingEvidence);
        Assert.Contains("ignored", state.EncodingContradiction);
    }
}

internal static class CodePagesEncoding
{
    public static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gb18030");
    }
}
