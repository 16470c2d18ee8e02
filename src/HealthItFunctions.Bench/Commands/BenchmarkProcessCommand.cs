using System.CommandLine;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Local;
using HealthItFunctions.Core.Articles;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit-bench process [--articles N] [--reprints N] [--seed N]</c>: articles per second through the
/// `healthit process` runner against Azurite, and storage transactions per new article, duplicate and reprint.
/// </summary>
internal sealed class BenchmarkProcessCommand : ICliCommand
{
    public Command Build()
    {
        var articles = new Option<int>("--articles") { Description = "Distinct generated articles.", DefaultValueFactory = _ => 500 };
        var reprints = new Option<int>("--reprints") { Description = "Reprints of random ones (new title, furniture lines), on a second site.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the generated pages.", DefaultValueFactory = _ => 20210901 };
        var command = new Command("process", $"Measure ingest throughput and storage transactions per outcome on generated pages; needs Azurite (npm ci). {CliApplication.ExitCodesHelp}")
        {
            articles, reprints, seed,
        };
        command.SetAction((result, cancellationToken) => CliErrors.GuardAsync(async () =>
        {
            var (n, r) = (result.GetValue(articles), result.GetValue(reprints));
            if (n < 1 || r < 0)
            {
                Console.Error.WriteLine("error: --articles must be at least 1 and --reprints at least 0.");
                return CliOutput.UsageError;
            }

            if (RepositoryLayout.FindRoot() is not { } root)
            {
                return CliOutput.Fail("Azurite was not found: run `npm ci` in the repository root and run healthit from the checkout.");
            }

            var report = await ProcessBenchmark.RunAsync(root, n, r, result.GetValue(seed), CliOutput.Progress, cancellationToken);
            Console.WriteLine($"{report.Messages} messages in {report.Elapsed.TotalSeconds:F1} s: {report.Messages / report.Elapsed.TotalSeconds:F1} messages/s, {report.Stored / report.Elapsed.TotalSeconds:F1} stored articles/s; {report.Poisoned} poisoned");
            foreach (var outcome in Enum.GetValues<IngestOutcome>())
            {
                if (report.Costs.TryGetValue(outcome, out var cost) && cost.Count > 0)
                {
                    Console.WriteLine($"{outcome.ToString().ToLowerInvariant(),-16} {cost.Count,6} × {(double)cost.Transactions / cost.Count:F2} transactions");
                }
            }

            Console.WriteLine($"all storage requests incl. queue receive/delete: {report.TotalTransactions} ({(double)report.TotalTransactions / report.Messages:F2} per message)");
            return CliOutput.Ok;
        }));
        return command;
    }
}
