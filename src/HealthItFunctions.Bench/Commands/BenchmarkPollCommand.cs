using System.CommandLine;
using System.Diagnostics;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Local;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit-bench poll</c>: requests, bytes and storage transactions of one poll cycle over a generated fixture,
/// without and with conditional GET, and the cycle's wall time with pacing 0 and 2 s. Azurite and the fixture site run on loopback.
/// </summary>
internal sealed class BenchmarkPollCommand : ICliCommand
{
    public Command Build()
    {
        var sources = new Option<int>("--sources") { Description = "Sources in the fixture.", DefaultValueFactory = _ => 20 };
        var hosts = new Option<int>("--hosts") { Description = "Host names they are spread over (pacing is per host).", DefaultValueFactory = _ => 5 };
        var delays = new Option<double[]>("--pacing") { Description = "Polling:PerHostDelay values to measure, in seconds.", DefaultValueFactory = _ => [0, 2], AllowMultipleArgumentsPerToken = true };
        var command = new Command("poll", $"Poll-cycle cost on a generated fixture: before/after conditional GET, pacing 0 and 2 s. {CliApplication.ExitCodesHelp}") { sources, hosts, delays };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (count, hostCount) = (result.GetValue(sources), result.GetValue(hosts));
            if (count < 1 || hostCount < 1 || hostCount > count || result.GetValue(delays)!.Any(d => d < 0))
            {
                Console.Error.WriteLine("error: --sources and --hosts must be positive, --hosts at most --sources, --pacing not negative.");
                return CliOutput.UsageError;
            }

            return await CliErrors.GuardAsync(() => RunAsync(count, hostCount, result.GetValue(delays)!, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(int sourceCount, int hostCount, double[] delays, CancellationToken cancellationToken)
    {
        if (RepositoryLayout.FindRoot() is not { } root)
        {
            return CliOutput.Fail("run from the repository checkout after `npm ci` (the benchmark starts node_modules/azurite).");
        }

        CliOutput.Progress("starting Azurite and the fixture site (loopback only)");
        using var azurite = await AzuriteProcess.StartAsync(root, cancellationToken: cancellationToken);
        await using var site = await PollBenchmarkSite.StartAsync(sourceCount, hostCount, cancellationToken);
        var catalogFile = Path.Combine(Path.GetTempPath(), $"healthit-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(catalogFile, site.CatalogJson(), cancellationToken);
        try
        {
            Console.WriteLine($"fixture: {sourceCount} sources on {hostCount} hosts, one 40-row list page each; queue drained as `healthit poll --once` does");
            Console.WriteLine($"{"pacing",7} {"cycle",-28} {"requests",8} {"bytes",9} {"storage tx",10} {"enqueued",8} {"wall",8}");
            foreach (var delay in delays)
            {
                var settings = new Dictionary<string, string?>
                {
                    ["Storage:ConnectionString"] = azurite.ConnectionString,
                    ["Polling:UserAgentContact"] = "ops@healthit.local",
                    ["Polling:PerHostDelay"] = TimeSpan.FromSeconds(delay).ToString(),
                    ["Extraction:SourcesPath"] = catalogFile,
                    ["Queues:SourcePolls"] = $"bench-polls-{(int)(delay * 1000)}",
                    ["Queues:ArticleFetch"] = $"bench-articles-{(int)(delay * 1000)}",
                };
                foreach (var (_, name) in site.Sources)
                {
                    settings[$"Polling:HostMap:{name}"] = $"127.0.0.1:{site.Port}";
                }

                // A fresh container per pacing value: its own robots.txt cache and pacer, as a new instance would have.
                using var host = CliHost.CreateBuilder(settings).Build();
                var states = host.Services.GetRequiredService<ISourceStateStore>();
                foreach (var (id, _) in site.Sources)
                {
                    await states.DeleteAsync(id, cancellationToken);
                }

                await CycleAsync(host.Services, site, delay, "1 cold (robots.txt, no state)", cancellationToken);
                foreach (var (id, _) in site.Sources)
                {
                    await states.DeleteAsync(id, cancellationToken);
                }

                await CycleAsync(host.Services, site, delay, "2 without conditional GET", cancellationToken);
                await CycleAsync(host.Services, site, delay, "3 with conditional GET", cancellationToken);
            }
        }
        finally
        {
            File.Delete(catalogFile);
        }

        return CliOutput.Ok;
    }

    private static async Task CycleAsync(IServiceProvider services, PollBenchmarkSite site, double delay, string label, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<PipelineRunner>();
        var transactions = services.GetRequiredService<StorageTransactionCounter>();
        var (requests, bytes, tx) = (site.Requests, site.Bytes, transactions.Total);
        var clock = Stopwatch.StartNew();
        await runner.EnqueueDueAsync(cancellationToken);
        var (polls, _) = await runner.DrainPollsAsync(null, cancellationToken);
        clock.Stop();
        Console.WriteLine($"{delay,6:0.#}s {label,-28} {site.Requests - requests,8} {site.Bytes - bytes,9} {transactions.Total - tx,10} {polls.Sum(p => p.NewLinks),8} {clock.Elapsed.TotalSeconds,7:0.00}s");
    }
}
