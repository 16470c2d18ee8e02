using System.CommandLine;
using HealthItFunctions.Local;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Cli.Sources;
using HealthItFunctions.Core.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit sources check [--source X] [--replay]</c>: does each source's list still give links, and do its detail rules still match?</summary>
internal sealed class SourcesCheckCommand(IServiceProvider services) : ICliCommand
{
    public string Group => "sources";

    public Command Build()
    {
        var source = new Option<string?>("--source") { Description = "Check only this source id (default: every pollable source)." };
        var replay = new Option<string?>("--replay")
        {
            Description = $"Fetch from an offline replay, seeds/replay/<name> (default {DemoCommand.DefaultMonth}), instead of the live sites.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("check",
            "Fetch each source's list pages, print the links found, the first three titles and dates, and whether the detail rules " +
            $"match a sample article. Uses the live catalog when Storage is set, else seeds/sources.json. Exit 2 when a source needs attention. {CliApplication.ExitCodesHelp}")
        {
            source, replay,
        };
        command.SetAction(async (result, cancellationToken) => await CliErrors.GuardAsync(async () =>
        {
            if (result.GetResult(replay) is null)
            {
                return await RunAsync(services, result.GetValue(source), cancellationToken);
            }

            var name = result.GetValue(replay) is { Length: > 0 } given ? given : DemoCommand.DefaultMonth;
            var replayDirectory = RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "seeds", "replay", name) : null;
            if (replayDirectory is null || !Directory.Exists(replayDirectory))
            {
                var replays = replayDirectory is null ? null : Path.GetDirectoryName(replayDirectory);
                var known = replays is not null && Directory.Exists(replays) ? string.Join(", ", Directory.GetDirectories(replays).Select(Path.GetFileName).Order()) : "";
                return CliOutput.Fail($"--replay needs the repository checkout with seeds/replay/{name}; run from the checkout.{(known.Length > 0 ? $" Replays: {known}." : "")}");
            }

            await using var server = await ReplayServer.StartAsync(replayDirectory, cancellationToken);
            CliOutput.Progress($"replay of {server.Hosts.Count} sites on 127.0.0.1:{server.Port}");
            using var host = CliHost.CreateBuilder(ReplaySettings(server)).Build();
            return await RunAsync(host.Services, result.GetValue(source), cancellationToken);
        }));
        return command;
    }

    /// <summary>As DemoEnvironment.Settings(): the replay's hosts mapped to its port; no pacing against one local server.</summary>
    private static Dictionary<string, string?> ReplaySettings(ReplayServer server)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Polling:PerHostDelay"] = "00:00:00",
            ["Polling:MaxRetries"] = "0",
        };
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Polling__UserAgentContact")))
        {
            settings["Polling:UserAgentContact"] = "ops@healthit.local";
        }

        foreach (var (host, endpoint) in server.HostMap)
        {
            settings[$"Polling:HostMap:{host}"] = endpoint;
        }

        return settings;
    }

    private static async Task<int> RunAsync(IServiceProvider services, string? only, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<ISourceCatalog>();
        await catalog.RefreshAsync(cancellationToken);
        var sources = catalog.Current.Sources.Where(s => only is null ? s.IsPollable : s.Id == only).ToList();
        if (sources.Count == 0)
        {
            return CliOutput.Fail(only is null ? "the catalog has no pollable source." : $"no source '{only}' in the catalog; `healthit sources status` lists them.");
        }

        if (sources.FirstOrDefault(s => !s.IsPollable) is { } disabled)
        {
            return CliOutput.Fail($"source '{disabled.Id}' is disabled or has no list start URLs; enable it in config/sources.json first.");
        }

        var checker = ActivatorUtilities.CreateInstance<SourceChecker>(services);
        var attention = 0;
        foreach (var source in sources)
        {
            CliOutput.Progress($"checking {source.Id}");
            var check = await checker.CheckAsync(source, cancellationToken);
            SourceCheckReport.Write(Console.Out, check);
            attention += check.Healthy ? 0 : 1;
        }

        Console.WriteLine($"{sources.Count - attention} of {sources.Count} sources ok");
        return attention == 0 ? CliOutput.Ok : CliOutput.RuntimeError;
    }
}
