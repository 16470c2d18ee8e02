using HealthItFunctions.Cli.Local;
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
public sealed class ReplaySourcesCheckTests
{
    [Theory]
    [InlineData("2021-08")]
    public async Task Check_EveryPollableSource_IsHealthyOnTheReplay(string name)
    {
        await using var server = await ReplayServer.StartAsync(Path.Combine(RepositoryPaths.Root, "seeds", "replay", name), TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["Polling:PerHostDelay"] = "00:00:00",
            ["Polling:MaxRetries"] = "0",
            ["Polling:UserAgentContact"] = "ops@healthit.test",
            ["Extraction:SourcesPath"] = Path.Combine(RepositoryPaths.Root, "seeds", "sources.json"),
        };
        foreach (var (mapped, endpoint) in server.HostMap)
        {
            settings[$"Polling:HostMap:{mapped}"] = endpoint;
        }

        using var host = CliHost.CreateBuilder(settings).Build();
        var catalog = host.Services.GetRequiredService<ISourceCatalog>();
        await catalog.RefreshAsync(TestContext.Current.CancellationToken);
        var checker = ActivatorUtilities.CreateInstance<SourceChecker>(host.Services);

        var problems = new List<string>();
        foreach (var source in catalog.Current.Sources.Where(s => s.IsPollable))
        {
            var check = await checker.CheckAsync(source, TestContext.Current.CancellationToken);
            if (!check.Healthy)
            {
                using var report = new StringWriter();
                SourceCheckReport.Write(report, check);
                problems.Add(report.ToString());
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
