using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary>One healthit command: it owns its options and its action. <see cref="Group"/> nests it (e.g. "sources").</summary>
internal interface ICliCommand
{
    string? Group => null;

    Command Build();
}

/// <summary>What the root command says about the executable (healthit, healthit-bench).</summary>
internal sealed record CliDescription(string Text);

/// <summary>The healthit command tree, assembled from every registered <see cref="ICliCommand"/>.</summary>
internal sealed class CliApplication(IEnumerable<ICliCommand> commands, CliDescription description)
{
    internal const string ExitCodesHelp = "Exit codes: 0 ok, 1 usage error, 2 input or runtime error.";

    private static readonly Dictionary<string, string> GroupDescriptions = new()
    {
        ["sources"] = "Inspect and check the source catalog.",
        ["bulletins"] = "Inspect published bulletins.",
        ["poison"] = "List and replay messages that failed too often.",
        ["links"] = "Manage links the index remembers as dropped or failed.",
    };

    // `serve` drains in-flight messages on Ctrl-C/SIGTERM for up to its 30 s shutdown timeout; System.CommandLine's
    // default (2 s) would end the process in the middle of that.
    public Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    internal async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = BuildRoot().Parse(args);
        if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            return ReportUsageError(parsed, error);
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(40), Output = output, Error = error });
    }

    /// <summary>
    /// A usage error is not a result: one line per problem on stderr, naming the unknown command or option and where
    /// to look, and exit 1. The full help goes to stdout only when asked for with --help.
    /// </summary>
    internal static int ReportUsageError(ParseResult parsed, TextWriter error)
    {
        var command = parsed.CommandResult.Command;
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        var path = string.Join(' ', names);
        var subcommands = command.Subcommands.Select(c => c.Name).ToList();
        if (subcommands.Count > 0 && command.Action is null)
        {
            // A group (or the root) reached without one of its commands: name the token that was not a command, if any.
            var unknown = parsed.UnmatchedTokens.FirstOrDefault();
            error.WriteLine(unknown is null
                ? $"error: '{path}' needs a command: {string.Join(", ", subcommands)}."
                : $"error: '{unknown}' is not a {path} command; the commands are: {string.Join(", ", subcommands)}.");
        }
        else
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"error: {problem.Message}");
            }
        }

        error.WriteLine($"Run '{path} --help' for usage.");
        return CliOutput.UsageError;
    }

    internal RootCommand BuildRoot()
    {
        var root = new RootCommand($"{description.Text} {ExitCodesHelp}");
        var groups = new Dictionary<string, Command>();
        foreach (var command in commands)
        {
            if (command.Group is not { } groupName)
            {
                root.Add(command.Build());
                continue;
            }

            if (!groups.TryGetValue(groupName, out var group))
            {
                group = new Command(groupName, GroupDescriptions.GetValueOrDefault(groupName, groupName));
                groups[groupName] = group;
                root.Add(group);
            }

            group.Add(command.Build());
        }

        return root;
    }
}

internal static class CliServiceCollectionExtensions
{
    /// <summary>The command tree and the console its reports go to; each executable then adds its own commands.</summary>
    public static IServiceCollection AddCliApplication(this IServiceCollection services, string description) => services
        // Reports on stdout follow the same rule as stderr: no ANSI when redirected or NO_COLOR is set.
        .AddSingleton(_ => Pages.CliConsole.Create(Console.Out, Console.IsOutputRedirected))
        .AddSingleton(new CliDescription(description))
        .AddSingleton<CliApplication>();

    public static IServiceCollection AddCliCommands(this IServiceCollection services) => services
        .AddCliApplication("healthit: the HealthIt services for local runs, backfills and the offline demo (measurements are healthit-bench).")
        .AddSingleton<ICliCommand, ExtractCommand>()
        .AddSingleton<ICliCommand, ExplainCommand>()
        .AddSingleton<ICliCommand, PollCommand>()
        .AddSingleton<ICliCommand, ProcessCommand>()
        .AddSingleton<ICliCommand, PublishCommand>()
        .AddSingleton<ICliCommand, BulletinsStatusCommand>()
        .AddSingleton<ICliCommand, DigestCommand>()
        .AddSingleton<ICliCommand, DemoCommand>()
        .AddSingleton<ICliCommand, RelevanceCommand>()
        .AddSingleton<ICliCommand, DedupeCommand>()
        .AddSingleton<ICliCommand, Review.ReviewCommand>()
        .AddSingleton<ICliCommand, SourcesCheckCommand>()
        .AddSingleton<ICliCommand, SourcesStatusCommand>()
        .AddSingleton<ICliCommand, SourcesMatchCommand>()
        .AddSingleton<ICliCommand, BackfillCommand>()
        .AddSingleton<ICliCommand, LinksForgetCommand>()
        .AddSingleton<ICliCommand, Serve.ServeCommand>()
        .AddSingleton<ICliCommand, Serve.PoisonListCommand>()
        .AddSingleton<ICliCommand, Serve.PoisonReplayCommand>();
}
