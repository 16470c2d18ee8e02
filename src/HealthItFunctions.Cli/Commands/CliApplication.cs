using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary>One healthit command: it owns its options and its action. <see cref="Group"/> nests it (e.g. "benchmark").</summary>
internal interface ICliCommand
{
    string? Group => null;

    Command Build();
}

/// <summary>The healthit command tree, assembled from every registered <see cref="ICliCommand"/>.</summary>
internal sealed class CliApplication(IEnumerable<ICliCommand> commands)
{
    internal const string ExitCodesHelp = "Exit codes: 0 ok, 1 usage error, 2 input or runtime error.";

    private static readonly Dictionary<string, string> GroupDescriptions = new()
    {
        ["benchmark"] = "Measure a component against a corpus with ground truth.",
        ["sources"] = "Inspect and check the source catalog.",
        ["bulletins"] = "Inspect published bulletins.",
        ["poison"] = "List and replay messages that failed too often.",
    };

    // `serve` drains in-flight messages on Ctrl-C/SIGTERM for up to its 30 s shutdown timeout; System.CommandLine's
    // default (2 s) would end the process in the middle of that.
    public Task<int> RunAsync(string[] args) =>
        BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(40) });

    internal RootCommand BuildRoot()
    {
        var root = new RootCommand($"healthit: the HealthIt services for local runs, backfills, the offline demo and measurements. {ExitCodesHelp}");
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
    public static IServiceCollection AddCliApplication(this IServiceCollection services) => services
        // Reports on stdout follow the same rule as stderr: no ANSI when redirected or NO_COLOR is set.
        .AddSingleton(_ => Pages.CliConsole.Create(Console.Out, Console.IsOutputRedirected))
        .AddSingleton<CliApplication>();

    public static IServiceCollection AddCliCommands(this IServiceCollection services) => services
        .AddCliApplication()
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
        .AddSingleton<ICliCommand, Serve.ServeCommand>()
        .AddSingleton<ICliCommand, Serve.PoisonListCommand>()
        .AddSingleton<ICliCommand, Serve.PoisonReplayCommand>()
        .AddSingleton<ICliCommand, Serve.Soak.SoakCommand>();
}
