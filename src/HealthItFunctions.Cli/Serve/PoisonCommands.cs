using System.CommandLine;
using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Serve;

/// <summary>The queues `healthit poison` looks at: --queue names one (with or without -poison), else both work queues.</summary>
internal static class PoisonTargets
{
    public static Option<string?> QueueOption() =>
        new("--queue") { Description = "The work queue whose poison queue to use (source-polls or article-fetch by default: both)." };

    public static IReadOnlyList<string> Resolve(string? queue, QueueOptions options) =>
        queue is { Length: > 0 }
            ? [queue.EndsWith("-poison", StringComparison.Ordinal) ? queue[..^"-poison".Length] : queue]
            : [options.SourcePolls, options.ArticleFetch];
}

/// <summary><c>healthit poison list</c>: each poison message's text and why it is there.</summary>
internal sealed class PoisonListCommand(IServiceProvider services) : ICliCommand
{
    public string Group => "poison";

    public Command Build()
    {
        var queue = PoisonTargets.QueueOption();
        var command = new Command("list", $"Show the messages in <queue>-poison: the original text and the reason (malformed, or failed maxDequeueCount times). Needs Storage__ConnectionString. {CliApplication.ExitCodesHelp}")
        {
            queue,
        };
        command.SetAction((result, cancellationToken) => CliErrors.GuardAsync(async () =>
        {
            var poison = new PoisonQueues(services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>());
            foreach (var name in PoisonTargets.Resolve(result.GetValue(queue), services.GetRequiredService<IOptions<QueueOptions>>().Value))
            {
                var (messages, approximate) = await poison.ListAsync(name, cancellationToken);
                Console.WriteLine($"{QueueOptions.PoisonNameOf(name)}: {approximate} message(s){(approximate > messages.Count ? $", first {messages.Count} shown" : "")}");
                foreach (var message in messages)
                {
                    Console.WriteLine($"  {message.MessageId}  {message.InsertedOn:yyyy-MM-dd HH:mm:ss}Z  reason: {message.Reason}");
                    Console.WriteLine($"    {message.Message}");
                }
            }

            return CliOutput.Ok;
        }));
        return command;
    }
}

/// <summary><c>healthit poison replay</c>: back to the original queue, once the cause is fixed.</summary>
internal sealed class PoisonReplayCommand(IServiceProvider services) : ICliCommand
{
    public string Group => "poison";

    public Command Build()
    {
        var queue = PoisonTargets.QueueOption();
        var command = new Command("replay", $"Move every message of <queue>-poison back to <queue> as its original text (fix the cause first: a malformed one comes straight back). {CliApplication.ExitCodesHelp}")
        {
            queue,
        };
        command.SetAction((result, cancellationToken) => CliErrors.GuardAsync(async () =>
        {
            var poison = new PoisonQueues(services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>());
            foreach (var name in PoisonTargets.Resolve(result.GetValue(queue), services.GetRequiredService<IOptions<QueueOptions>>().Value))
            {
                var moved = await poison.ReplayAsync(name, cancellationToken);
                Console.WriteLine($"{QueueOptions.PoisonNameOf(name)} → {name}: {moved} message(s) replayed");
            }

            return CliOutput.Ok;
        }));
        return command;
    }
}
