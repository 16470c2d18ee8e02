using HealthItFunctions.Cli.Tests.Polling;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Commands;

/// <summary><c>healthit links forget URL…</c> as an operator runs it, against Azurite: the poll that skipped a dropped link offers it again.</summary>
public sealed class LinksForgetCommandTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forget_DroppedLinkAsListed_NextPollEnqueuesItAgain()
    {
        var host = $"forget-{Guid.NewGuid():N}.test";
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/news/", () =>
            Results.Content(PollingHost.ListPage(1), "text/html; charset=utf-8")).RequireHost(host));
        // The source's own canonical rule (as hit180's in seeds/sources.json) gives the link an id the generic rule does not.
        var catalog = PollingHost.ListCatalog("forget", host).Replace("\"id\": \"forget\",", "\"id\": \"forget\", \"canonical\": { \"forceHttps\": true },", StringComparison.Ordinal);
        using var polling = new PollingHost(azurite, site, catalog, [host]);
        var listed = $"http://{host}/a/1.html";
        var identity = new ArticleUrls(polling.Services.GetRequiredService<ISourceCatalog>()).Identify(new Uri(listed));
        await polling.Services.GetRequiredService<IArticleIndex>().RecordDroppedAsync(identity.Id, listed, "not an article: Blocked (环境异常)", Ct);
        var beforeForget = await polling.PollAsync("forget");

        var run = await HealthitProcess.RunAsync(["links", "forget", listed], Storage(polling));
        var afterForget = await polling.PollAsync("forget");

        Assert.Equal((1, 0), (beforeForget.LinksFound, beforeForget.NewLinks));
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Contains($"{listed}: was dropped; forgotten", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, afterForget.NewLinks);
        Assert.Equal(1, await polling.QueuedArticlesAsync());
    }

    [Fact]
    public async Task Forget_UnknownUrl_SaysNotInTheIndexAndExitsZero()
    {
        var url = $"https://forget-{Guid.NewGuid():N}.test/a/404.html";

        var run = await HealthitProcess.RunAsync(["links", "forget", url], Storage());

        // Forgetting is idempotent: a link nobody dropped is already fetchable, which is the state the operator wants.
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{url}: not in the index (already fetchable)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_NotAUrl_NamesItOnStderrAndExitsOne()
    {
        var run = await HealthitProcess.RunAsync(["links", "forget", "ftp://example.org/a", "not a url"], Storage());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'ftp://example.org/a' is not an absolute http(s) URL", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'not a url' is not an absolute http(s) URL", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    /// <summary>The process sees the storage, and the catalog, the test's poller uses.</summary>
    private Dictionary<string, string?> Storage(PollingHost? polling = null) => new()
    {
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Sources__Container"] = polling?.CatalogContainer,
        ["Extraction__SourcesPath"] = polling?.SeedsFile,
    };
}
