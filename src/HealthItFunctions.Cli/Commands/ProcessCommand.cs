using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using HealthItFunctions.Cli.Pipeline;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit process</c>: what ProcessArticle does, until article-fetch is empty.</summary>
internal sealed class ProcessCommand(IServiceProvider services) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("process", $"Drain article-fetch: fetch, extract, score and store each article. Needs Storage__ConnectionString. {CliApplication.ExitCodesHelp}");
        command.SetAction((_, cancellationToken) => CliErrors.GuardStorageAsync(services, async () =>
        {
            // Resolved here, not at start-up: a missing setting becomes a one-line error, and `extract` needs none.
            var runner = services.GetRequiredService<PipelineRunner>();
            var (results, poisoned, _) = await runner.DrainArticlesAsync(CliOutput.Progress, cancellationToken);
            var byOutcome = string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
            Console.WriteLine($"processed {results.Count} articles ({(byOutcome.Length > 0 ? byOutcome : "none")}), {poisoned} poisoned");
            return CliOutput.Ok;
        }, cancellationToken));
        return command;
    }
}
