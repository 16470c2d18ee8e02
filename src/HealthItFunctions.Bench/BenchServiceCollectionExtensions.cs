using HealthItFunctions.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Bench;

internal static class BenchServiceCollectionExtensions
{
    public static IServiceCollection AddBenchCommands(this IServiceCollection services) => services
        .AddCliApplication("healthit-bench: measurements of the HealthIt services against corpora with ground truth and generated load, and the serve soak.")
        .AddSingleton<ICliCommand, BenchmarkExtractCommand>()
        .AddSingleton<ICliCommand, BenchmarkDedupeCommand>()
        .AddSingleton<ICliCommand, BenchmarkProcessCommand>()
        .AddSingleton<ICliCommand, BenchmarkPollCommand>()
        .AddSingleton<ICliCommand, Soak.SoakCommand>();
}
