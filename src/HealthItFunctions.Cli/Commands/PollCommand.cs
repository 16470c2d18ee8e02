using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using HealthItFunctions.Cli.Pipeline;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit poll --once</c>: what PollSources and PollSource do, once, locally.</summary>
internal sealed class PollCommand(IServiceProvider services) : ICliCommand
{
    public Command Build()
    {
        var once = new Option<bool>("--once") { Description = "Poll every due source once and drain source-polls (the only mode; `healthit serve` polls on the schedule)." };
        var command = new Command("poll", $"Poll the due sources and enqueue one article-fetch message per new link. Needs Storage__ConnectionString. {CliApplication.ExitCodesHelp}") { once };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!result.GetValue(once))
            {
                Console.Error.WriteLine("error: pass --once (continuous polling is `healthit serve`).");
                return CliOutput.UsageError;
            }

            return await CliErrors.GuardStorageAsync(services, async () =>
            {
                // Resolved here, not at start-up: a missing setting becomes a one-line error, and `extract` needs none.
                var runner = services.GetRequiredService<PipelineRunner>();
                var enqueued = await runner.EnqueueDueAsync(cancellationToken);
                CliOutput.Progress($"{enqueued} sources due");
                var (polls, poisoned) = await runner.DrainPollsAsync(CliOutput.Progress, cancellationToken);
                Console.WriteLine($"polled {polls.Count} sources: {polls.Sum(p => p.LinksFound)} links, {polls.Sum(p => p.NewLinks)} new, {poisoned} poisoned");
                return CliOutput.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
