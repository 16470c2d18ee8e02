using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HealthItFunctions.Infrastructure.Tests.Http;

/// <summary>What a site sees of us: pacing, robots.txt, the circuit breaker, and the host map the replay relies on.</summary>
public sealed class PolitenessTests
{
    private const string Html = "<html><body><p>hello</p></body></html>";

    [Fact]
    public async Task FetchAsync_ConcurrentCallsToOneHost_ServerSeesRequestsSpacedByPerHostDelay()
    {
        var delay = TimeSpan.FromMilliseconds(200);
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/p/{n:int}", () => Results.Content(Html, "text/html")));
        await using var host = FetcherHost.Create(new Dictionary<string, string?> { ["Polling:PerHostDelay"] = "00:00:00.200" });

        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => host.FetchAsync(site.Url($"/p/{n}"))));

        Assert.All(pages, page => Assert.Equal(FetchOutcome.Ok, page.Outcome));
        var arrivals = site.Requests.Select(request => request.At).Order().ToList();
        Assert.Equal(7, arrivals.Count); // robots.txt + 6 pages, all paced
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => b - a).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"gaps ms: {string.Join(", ", gaps.Select(g => g.TotalMilliseconds.ToString("0.0")))}");
        // The next turn starts a full delay after the previous response, so arrivals are spaced at least that much;
        // 2 ms allows for the wall clock the site stamps with against the monotonic timer the pacer waits on.
        Assert.True(gaps.Min() >= delay - TimeSpan.FromMilliseconds(2), $"gaps: {string.Join(", ", gaps.Select(g => g.TotalMilliseconds))} ms");
    }

    [Fact]
    public async Task FetchAsync_TwoHosts_PacedIndependently()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/p/{n:int}", () => Results.Content(Html, "text/html")));
        await using var host = FetcherHost.Create(new Dictionary<string, string?>
        {
            ["Polling:PerHostDelay"] = "00:00:00.300",
            ["Polling:HostMap:a.example"] = site.Endpoint,
            ["Polling:HostMap:b.example"] = site.Endpoint,
        });

        var pages = await Task.WhenAll(
            host.FetchAsync(new Uri("http://a.example/p/1")),
            host.FetchAsync(new Uri("http://b.example/p/1")));

        Assert.All(pages, page => Assert.Equal(FetchOutcome.Ok, page.Outcome));
        var first = site.Requests.Where(r => r.Path == "/p/1").Select(r => r.At).Order().ToList();
        Assert.True(first[1] - first[0] < TimeSpan.FromMilliseconds(250), $"second host waited {first[1] - first[0]}");
    }

    [Fact]
    public async Task FetchAsync_PathDisallowedByRobots_RefusedAndNeverRequested()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n", "text/plain"));
            app.MapGet("/private/list", () => Results.Content(Html, "text/html"));
            app.MapGet("/public/list", () => Results.Content(Html, "text/html"));
        });
        await using var host = FetcherHost.Create();

        var refused = await host.FetchAsync(site.Url("/private/list"));
        var allowed = await host.FetchAsync(site.Url("/public/list"));

        Assert.Equal(FetchOutcome.Refused, refused.Outcome);
        Assert.Contains("disallowed by robots.txt", refused.Reason);
        Assert.Contains("Disallow: /private/", refused.Reason);
        Assert.Equal(FetchOutcome.Ok, allowed.Outcome);
        Assert.Empty(site.RequestsTo("/private/list"));
        Assert.Single(site.RequestsTo("/robots.txt"));
    }

    [Fact]
    public async Task FetchAsync_RedirectIntoDisallowedPath_Refused()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: HealthItMonitor\nDisallow: /hidden\n", "text/plain"));
            app.MapGet("/open", () => Results.Redirect("/hidden/page"));
            app.MapGet("/hidden/page", () => Results.Content(Html, "text/html"));
        });
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/open"));

        Assert.Equal(FetchOutcome.Refused, page.Outcome);
        Assert.Contains("robots.txt", page.Reason);
        Assert.Empty(site.RequestsTo("/hidden/page"));
    }

    [Fact]
    public async Task FetchAsync_RobotsServerError_FailsWithoutFetchingThePage()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.StatusCode(500));
            app.MapGet("/list", () => Results.Content(Html, "text/html"));
        });
        await using var host = FetcherHost.Create(new Dictionary<string, string?> { ["Polling:MaxRetries"] = "0" });

        var page = await host.FetchAsync(site.Url("/list"));

        Assert.Equal(FetchOutcome.Failed, page.Outcome);
        Assert.Contains("robots.txt", page.Reason);
        Assert.Empty(site.RequestsTo("/list"));
    }

    [Fact]
    public async Task FetchAsync_HostKeepsFailing_CircuitOpensForThatHostOnly()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/down", () => Results.StatusCode(500)).RequireHost("broken.example");
            app.MapGet("/fine", () => Results.Content(Html, "text/html")).RequireHost("healthy.example");
        });
        await using var host = FetcherHost.Create(new Dictionary<string, string?>
        {
            ["Polling:MaxRetries"] = "0",
            // robots.txt requests would count as successes in the breaker's window; keep the arithmetic to the pages.
            ["Polling:ObeyRobotsTxt"] = "false",
            ["Polling:HostMap:broken.example"] = site.Endpoint,
            ["Polling:HostMap:healthy.example"] = site.Endpoint,
        });

        for (var i = 0; i < 4; i++)
        {
            await host.FetchAsync(new Uri("http://broken.example/down"));
        }

        var rejected = await host.FetchAsync(new Uri("http://broken.example/down"));
        var other = await host.FetchAsync(new Uri("http://healthy.example/fine"));

        Assert.Equal(FetchOutcome.Failed, rejected.Outcome);
        Assert.Contains("circuit is open", rejected.Reason);
        Assert.Equal(4, site.RequestsTo("/down").Count);
        Assert.Equal(FetchOutcome.Ok, other.Outcome);
    }

    [Fact]
    public async Task FetchAsync_HttpsHostInHostMap_ServedByLoopbackSiteUnderItsRealName()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/feed", () => Results.Content("<rss version=\"2.0\"><channel/></rss>", "application/rss+xml")).RequireHost("www.hit180.com"));
        // No AllowedPrivateHosts: the mapped host passes the guard because it is mapped, and only then.
        await using var host = FetcherHost.Create(new Dictionary<string, string?>
        {
            ["Polling:AllowedPrivateHosts:0"] = "none.invalid",
            ["Polling:HostMap:www.hit180.com"] = site.Endpoint,
        });

        var mapped = await host.FetchAsync(new Uri("https://www.hit180.com/feed"));
        var direct = await host.FetchAsync(site.Url("/feed"));

        Assert.Equal(FetchOutcome.Ok, mapped.Outcome);
        Assert.Equal(new Uri("https://www.hit180.com/feed"), mapped.FinalUrl);
        Assert.Equal("www.hit180.com", site.RequestsTo("/feed").Single().Host);
        Assert.Equal(FetchOutcome.Refused, direct.Outcome);
    }
}
