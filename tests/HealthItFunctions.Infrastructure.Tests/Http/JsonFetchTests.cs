using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HealthItFunctions.Infrastructure.Tests.Http;

/// <summary>JSON list endpoints through the same polite fetcher: POST bodies, JSON content types, robots on a POST.</summary>
public sealed class JsonFetchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_PostBody_SentWithItsContentTypeAndJsonAccepted()
    {
        string? received = null;
        string? receivedType = null;
        await using var site = await LoopbackSite.StartAsync(app => app.MapPost("/api/list", async (HttpContext context) =>
        {
            receivedType = context.Request.ContentType;
            received = await new StreamReader(context.Request.Body).ReadToEndAsync();
            return Results.Content("{\"data\":[]}", "application/json; charset=utf-8");
        }));
        await using var host = FetcherHost.Create();

        var page = await host.Fetcher.FetchAsync(
            new FetchRequest(site.Url("/api/list"), "\"stale\"") { PostBody = "{\"page\":2}", PostContentType = "application/json" }, Ct);

        Assert.Equal(FetchOutcome.Ok, page.Outcome);
        Assert.Equal("{\"page\":2}", received);
        Assert.StartsWith("application/json", receivedType);
        Assert.Equal("POST", site.RequestsTo("/api/list").Single().Method);
        Assert.Null(site.RequestsTo("/api/list").Single().Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_JsonWithoutContentType_ReadAsDocument()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/list.json", async (HttpContext context) =>
        {
            await context.Response.Body.WriteAsync("[{\"TITLE\":\"x\"}]"u8.ToArray());
        }));
        await using var host = FetcherHost.Create();

        var page = await host.FetchAsync(site.Url("/list.json"));

        Assert.Equal(FetchOutcome.Ok, page.Outcome);
    }

    [Fact]
    public async Task FetchAsync_PostDisallowedByRobots_RefusedWithoutPosting()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /api/\n"));
            app.MapPost("/api/list", () => Results.Content("{}", "application/json"));
        });
        await using var host = FetcherHost.Create();

        var page = await host.Fetcher.FetchAsync(new FetchRequest(site.Url("/api/list")) { PostBody = "{}" }, Ct);

        Assert.Equal(FetchOutcome.Refused, page.Outcome);
        Assert.Empty(site.RequestsTo("/api/list"));
    }
}
