using System.Diagnostics;
using System.Text;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HealthItFunctions.Infrastructure.Tests.Http;

public sealed class HttpPageFetcherTests
{
    private const string Html = "<html><head><title>t</title></head><body><p>hello</p></body></html>";

    [Fact]
    public async Task FetchAsync_MatchingETag_ReturnsNotModifiedWithoutBody()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/list", (HttpContext context) =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            return context.Request.Headers.IfNoneMatch == "\"v1\"" ? Results.StatusCode(304) : Results.Content(Html, "text/html");
        }));
        await using var host = FetcherHost.Create();

        var first = await host.FetchAsync(site.Url("/list"));
        var second = await host.FetchAsync(site.Url("/list"), etag: first.ETag);

        Assert.Equal(FetchOutcome.Ok, first.Outcome);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal(304, second.StatusCode);
        Assert.Empty(second.Body);
        Assert.Equal("\"v1\"", second.ETag);
        Assert.Equal("\"v1\"", site.RequestsTo("/list")[1].Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_LastModifiedUnchanged_SendsIfModifiedSinceAndGetsNotModified()
    {
        var modified = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/feed", (HttpContext context) =>
        {
            context.Response.Headers.LastModified = modified.ToString("R");
            return context.Request.GetTypedHeaders().IfModifiedSince >= modified
                ? Results.StatusCode(304)
                : Results.Content("<rss version=\"2.0\"><channel/></rss>", "application/rss+xml");
        }));
        await using var host = FetcherHost.Create();

        var first = await host.FetchAsync(site.Url("/feed"));
        var second = await host.FetchAsync(site.Url("/feed"), lastModified: first.LastModified);

        Assert.Equal(modified, first.LastModified);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal(modified, second.LastModified);
    }

    [Fact]
    public async Task FetchAsync_ServerErrorThenOk_RetriesAndReturnsOk()
    {
        var calls = 0;
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/flaky", () =>
            Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(500) : Results.Content(Html, "text/html")));
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/flaky"));

        Assert.Equal(FetchOutcome.Ok, page.Outcome);
        Assert.Equal(200, page.StatusCode);
        Assert.Equal(2, site.RequestsTo("/flaky").Count);
    }

    [Fact]
    public async Task FetchAsync_ServerErrorEveryTime_FailsAfterRetriesWithStatusInReason()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/down", () => Results.StatusCode(503)));
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/down"));

        Assert.Equal(FetchOutcome.Failed, page.Outcome);
        Assert.Equal(503, page.StatusCode);
        Assert.Contains("HTTP 503", page.Reason);
        Assert.Equal(3, site.RequestsTo("/down").Count);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithRetryAfter_WaitsThatLongBeforeRetrying()
    {
        var calls = 0;
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/limited", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                return Results.Content(Html, "text/html");
            }

            context.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }));
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/limited"));

        var requests = site.RequestsTo("/limited");
        Assert.Equal(FetchOutcome.Ok, page.Outcome);
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task FetchAsync_RetryAfterBeyondLimit_FailsAtOnceNamingRetryAfter()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/limited", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        }));
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/limited"));

        Assert.Equal(FetchOutcome.Failed, page.Outcome);
        Assert.Contains("Retry-After", page.Reason);
        Assert.Single(site.RequestsTo("/limited"));
    }

    [Fact]
    public async Task FetchAsync_SlowDripPastTimeout_FailsWithinTheAttemptTimeout()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/drip", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>", context.RequestAborted);
            for (var i = 0; i < 200 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.WriteAsync("x", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        }));
        await using var host = FetcherHost.Create(new Dictionary<string, string?> { ["Polling:AttemptTimeout"] = "00:00:00.500" });
        var clock = Stopwatch.StartNew();

        var page = await host.FetchAsync(site.Url("/drip"));

        Assert.Equal(FetchOutcome.Failed, page.Outcome);
        Assert.Contains("not received within", page.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FetchAsync_TwentyMegabyteBody_RefusedNamingTheCap(bool declareLength)
    {
        const int size = 20 * 1024 * 1024;
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/huge", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            if (declareLength)
            {
                context.Response.ContentLength = size;
            }

            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            try
            {
                for (var sent = 0; sent < size && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The fetcher hung up: that is the point.
            }
        }));
        await using var host = FetcherHost.Create();
        var clock = Stopwatch.StartNew();

        var page = await host.FetchAsync(site.Url("/huge"));

        Assert.Equal(FetchOutcome.Refused, page.Outcome);
        Assert.Contains("larger than 5242880 bytes", page.Reason);
        Assert.Empty(page.Body);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_RefusedNamingTheLoop()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.Redirect("/b"));
            app.MapGet("/b", () => Results.Redirect("/a"));
        });
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/a"));

        Assert.Equal(FetchOutcome.Refused, page.Outcome);
        Assert.Contains("redirect loop", page.Reason);
        Assert.Equal(2, site.Requests.Count(r => r.Path is "/a" or "/b"));
    }

    [Theory]
    [InlineData(5, FetchOutcome.Ok)]
    [InlineData(6, FetchOutcome.Refused)]
    public async Task FetchAsync_RedirectChain_FollowsAtMostFiveHops(int hops, FetchOutcome expected)
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/hop/{n:int}", (int n) => n < hops ? Results.Redirect($"/hop/{n + 1}") : Results.Content(Html, "text/html"));
        });
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/hop/0"));

        Assert.Equal(expected, page.Outcome);
        if (expected == FetchOutcome.Ok)
        {
            Assert.Equal(site.Url($"/hop/{hops}"), page.FinalUrl);
        }
        else
        {
            Assert.Contains("more than 5 redirects", page.Reason);
        }
    }

    [Fact]
    public async Task FetchAsync_RedirectToMetadataAddress_RefusedBeforeConnecting()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/go", () => Results.Redirect("http://169.254.169.254/latest/meta-data/")));
        await using var host = FetcherHost.Create();
        var clock = Stopwatch.StartNew();

        var page = await host.FetchAsync(site.Url("/go"));

        Assert.Equal(FetchOutcome.Refused, page.Outcome);
        Assert.Contains("metadata", page.Reason);
        Assert.Equal(new Uri("http://169.254.169.254/latest/meta-data/"), page.FinalUrl);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task FetchAsync_NameResolvingToLoopbackOutsideAllowList_RefusedAfterResolution()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/page", () => Results.Content(Html, "text/html")));
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(new Uri($"http://localhost:{site.Port}/page"));

        Assert.Equal(FetchOutcome.Refused, page.Outcome);
        Assert.Contains("localhost resolves to", page.Reason);
        Assert.Contains("loopback", page.Reason);
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task FetchAsync_GbkPageDeclaredUtf8_ReturnsTheBytesUntouched()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK").GetBytes("<html><head><meta charset=\"utf-8\"><title>北京卫生信息化</title></head><body>健康</body></html>");
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/gbk", () => Results.Bytes(gbk, "text/html; charset=utf-8")));
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/gbk"));

        Assert.Equal(FetchOutcome.Ok, page.Outcome);
        Assert.Equal(gbk, page.Body);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/png")]
    [InlineData("application/zip")]
    public async Task FetchAsync_NeitherHtmlFeedNorJson_RefusedNamingTheContentType(string contentType)
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/file", () => Results.Bytes([1, 2, 3], contentType)));
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/file"));

        Assert.Equal(FetchOutcome.Refused, page.Outcome);
        Assert.Contains(contentType, page.Reason);
    }

    [Fact]
    public async Task FetchAsync_AnyRequest_SendsUserAgentWithProductAndContact()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/", () => Results.Content(Html, "text/html")));
        await using var host = FetcherHost.Create();

        await host.FetchAsync(site.Url("/"));

        var userAgent = site.RequestsTo("/").Single().Header("User-Agent");
        Assert.StartsWith("HealthItMonitor/1.0", userAgent);
        Assert.Contains("ops@example.org", userAgent);
    }
}
