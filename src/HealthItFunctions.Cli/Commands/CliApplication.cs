using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary>The healthit command tree; each command class owns its options and its action.</summary>
internal sealed class CliApplication(ExtractCommand extract, ExplainCommand explain, BenchmarkExtractCommand benchmarkExtract)
{
    public Task<int> RunAsync(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    internal RootCommand BuildRoot()
    {
        var benchmark = new Command("benchmark", "Measure a component against a corpus with ground truth.") { benchmarkExtract.Build() };
        return new RootCommand("healthit: the HealthIt services for local runs, backfills and measurements.") { extract.Build(), explain.Build(), benchmark };
    }
}

internal static class CliServiceCollectionExtensions
{
    public static IServiceCollection AddCliCommands(this IServiceCollection services) => services
        .AddSingleton(AnsiConsole.Console)
        .AddSingleton<CliApplication>()
        .AddSingleton<ExtractCommand>()
        .AddSingleton<ExplainCommand>()
        .AddSingleton<BenchmarkExtractCommand>();
}
