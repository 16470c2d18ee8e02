using System.Text.Json.Nodes;
using HealthItFunctions.Local;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Cli.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Local;

/// <summary>
/// `healthit sources check --replay &lt;name&gt;` as the command runs it: the shipped catalog, the product's fetcher, list
/// reader and article reader, against each replay on loopback. Every pollable source must load its lists, offer links
/// and yield a sample article its detail rules (if any) contribute to.
/// </summary>
public sealed class ReplaySourcesCheckTests : IDisposable
{
    private static readonly string SeedsFile = Path.Combine(RepositoryPaths.Root, "seeds", "sources.json");
    private readonly string _catalogCopy = Path.Combine(Path.GetTempPath(), $"healthit-sources-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_catalogCopy);

    [Theory]
    [InlineData("2021-08")]
    [InlineData("2026-12")]
    public async Task Check_EveryPollableSource_IsHealthyOnTheReplay(string name)
    {
        var problems = await UnhealthyAsync(name, SeedsFile);

        // qq-news included: its web feed is asked by POST and each item's URL is built from its id (fields.urlTemplate).
        Assert.True(problems.Count == 0, string.Join("\n", problems.Values));
    }

    /// <summary>The operator's step for a WeChat account: the bridge's feed URL in list.startUrls, enabled.</summary>
    [Fact]
    public async Task Check_WeChatAccountWithBridgeFeed_ReadsTheAccountsArticles()
    {
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(SeedsFile, TestContext.Current.CancellationToken))!;
        var account = catalog["sources"]!.AsArray().Single(s => (string?)s!["id"] == "wechat-zgszyx")!;
        account["enabled"] = true;
        account["list"]!["startUrls"] = new JsonArray("http://wxbridge.healthit.local/rss/zgszyx");
        await File.WriteAllTextAsync(_catalogCopy, catalog.ToJsonString(), TestContext.Current.CancellationToken);

        var problems = await UnhealthyAsync("2026-12", _catalogCopy, only: "wechat-zgszyx", report: true);

        var report = Assert.Single(problems).Value;
        Assert.DoesNotContain("UNHEALTHY", report, StringComparison.Ordinal);
        Assert.Contains("2 links", report, StringComparison.Ordinal);
        Assert.Contains("source: 中国数字医学", report, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> UnhealthyAsync(string replay, string catalogFile, string? only = null, bool report = false)
    {
        await using var server = await ReplayServer.StartAsync(Path.Combine(RepositoryPaths.Root, "seeds", "replay", replay), TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["Polling:PerHostDelay"] = "00:00:00",
            ["Polling:MaxRetries"] = "0",
            ["Polling:UserAgentContact"] = "ops@healthit.test",
            ["Extraction:SourcesPath"] = catalogFile,
        };
        foreach (var (mapped, endpoint) in server.HostMap)
        {
            settings[$"Polling:HostMap:{mapped}"] = endpoint;
        }

        using var host = CliHost.CreateBuilder(settings).Build();
        var catalog = host.Services.GetRequiredService<ISourceCatalog>();
        await catalog.RefreshAsync(TestContext.Current.CancellationToken);
        var checker = ActivatorUtilities.CreateInstance<SourceChecker>(host.Services);

        var found = new Dictionary<string, string>();
        foreach (var source in catalog.Current.Sources.Where(s => s.IsPollable && (only is null || s.Id == only)))
        {
            var check = await checker.CheckAsync(source, TestContext.Current.CancellationToken);
            if (!check.Healthy || report)
            {
                using var text = new StringWriter();
                SourceCheckReport.Write(text, check);
                found[source.Id] = (check.Healthy ? "" : "UNHEALTHY ") + text;
            }
        }

        return found;
    }
}
