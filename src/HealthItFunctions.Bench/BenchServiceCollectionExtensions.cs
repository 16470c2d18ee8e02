using HealthItFunctions.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Bench;

internal static class BenchServiceCollectionExtensions
{
    public static IServiceCollection AddBenchCommands(this IServiceCollection services) => services
        .AddCliApplication()
        .AddSingleton<ICliCommand, BenchmarkExtractCommand>()
        .AddSingleton<ICliCommand, BenchmarkDedupeCommand>()
        .AddSingleton<ICliCommand, BenchmarkProcessCommand>()
        .AddSingleton<ICliCommand, BenchmarkPollCommand>();
}
