using System.CommandLine;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Fuzzing;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit-bench fuzz --minutes N [--seed S] [--target T…] [--replay I]</c>: the property tests' generators and
/// properties (HealthItFunctions.Fuzzing) for N minutes instead of a fixed count. Progress on stderr; on stdout a table
/// per target (inputs, failures, worst time per input) and each failure with what replays it. Exit 2 when any failed.
/// </summary>
internal sealed class BenchmarkFuzzCommand(ArticleReader reader, IAnsiConsole console) : ICliCommand
{
    private const int MaxFailuresShown = 10;

    public Command Build()
    {
        var minutes = new Option<double>("--minutes") { Description = "How long to run, shared equally by the targets (fractions allowed: 0.1 is six seconds).", DefaultValueFactory = _ => 1 };
        var seed = new Option<int?>("--seed") { Description = "Seed of the run; input I of seed S is the same on every machine. Default: a new one, printed." };
        var targets = new Option<string[]>("--target") { Description = "Only these targets (repeatable): " + string.Join(", ", Targets().Select(t => t.Name)) + ".", AllowMultipleArgumentsPerToken = true };
        var replay = new Option<long?>("--replay") { Description = "Run only input I of --seed, as a failure line names it." };
        var command = new Command("fuzz", $"Run the property tests' hostile-input generators against extraction, the three renderers, the mail, the review API and the queue decoders for N minutes. {CliApplication.ExitCodesHelp}")
        {
            minutes, seed, targets, replay,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(
            Run(result.GetValue(minutes), result.GetValue(seed), result.GetValue(targets) ?? [], result.GetValue(replay), cancellationToken)));
        return command;
    }

    internal int Run(double minutes, int? seed, IReadOnlyList<string> names, long? replay, CancellationToken cancellationToken)
    {
        var all = Targets();
        var unknown = names.Where(n => all.All(t => t.Name != n)).ToList();
        if (minutes <= 0 || unknown.Count > 0 || (replay is not null && (seed is null || replay < 0)))
        {
            Console.Error.WriteLine(unknown.Count > 0
                ? $"error: no target {string.Join(", ", unknown)}; the targets are {string.Join(", ", all.Select(t => t.Name))}."
                : "error: --minutes must be positive, and --replay (not negative) needs the --seed of the run it comes from.");
            return CliOutput.UsageError;
        }

        var chosen = names.Count == 0 ? all : all.Where(t => names.Contains(t.Name)).ToList();
        var runSeed = seed ?? Random.Shared.Next();
        IReadOnlyList<FuzzTally> tallies;
        if (replay is { } input)
        {
            CliOutput.Progress($"fuzz: replaying input {input} of seed {runSeed} on {string.Join(", ", chosen.Select(t => t.Name))}");
            tallies = chosen.Select(t => FuzzRunner.Replay(t, runSeed, input)).ToList();
        }
        else
        {
            var duration = TimeSpan.FromMinutes(minutes);
            CliOutput.Progress($"fuzz: seed {runSeed}, {duration:m\\:ss} over {chosen.Count} targets");
            tallies = FuzzRunner.RunFor(chosen, runSeed, duration, Report, TimeSpan.FromSeconds(10), cancellationToken);
        }

        Write(runSeed, tallies);
        return tallies.Any(t => t.Failures.Count > 0) ? CliOutput.RuntimeError : CliOutput.Ok;

        void Report(TimeSpan elapsed, IReadOnlyList<FuzzTally> sofar) => CliOutput.Progress(
            $"fuzz {elapsed:m\\:ss}: {sofar.Sum(t => t.Inputs)} inputs, {sofar.Sum(t => t.Failures.Count)} failures (" +
            string.Join(", ", sofar.Select(t => $"{t.Target.Name} {t.Inputs}")) + ")");
    }

    private IReadOnlyList<FuzzTarget> Targets() => FuzzTargets.All(reader);

    private void Write(int seed, IReadOnlyList<FuzzTally> tallies)
    {
        // The first input also pays for loading code, so it has its own column and "worst" is the slowest after it.
        // Six narrow columns fit 80 characters, the width Spectre assumes when stdout is not a terminal.
        var table = new Table().AddColumn(new TableColumn("target").NoWrap()).AddColumns("inputs", "failures", "worst ms", "worst at (size)", "first ms");
        foreach (var tally in tallies)
        {
            table.AddRow(tally.Target.Name, tally.Inputs.ToString(), tally.Failures.Count.ToString(), tally.Worst.TotalMilliseconds.ToString("0.0"),
                tally.WorstInput < 0 ? "" : $"{tally.WorstInput} ({tally.WorstSize})", tally.First.TotalMilliseconds.ToString("0.0"));
        }

        console.WriteLine($"fuzz, seed {seed}: {tallies.Sum(t => t.Inputs)} inputs, {tallies.Sum(t => t.Failures.Count)} failures; time bound per input: " +
            string.Join(", ", tallies.Select(t => $"{t.Target.Name} {t.Target.TimeBound.TotalSeconds:0} s")));
        console.Write(table);

        // Plain lines, not table cells: a failure's replay arguments must survive copy and paste unwrapped.
        var writer = console.Profile.Out.Writer;
        foreach (var tally in tallies.Where(t => t.Failures.Count > 0))
        {
            foreach (var failure in tally.Failures.Take(MaxFailuresShown))
            {
                writer.WriteLine($"FAIL {failure.Target} input {failure.Input} (size {failure.Size}, {failure.Elapsed.TotalMilliseconds:0} ms): {failure.Problem}");
                writer.WriteLine($"     replay: healthit-bench fuzz {failure.Replay}");
            }

            if (tally.Failures.Count > MaxFailuresShown)
            {
                writer.WriteLine($"FAIL {tally.Target.Name}: {tally.Failures.Count - MaxFailuresShown} more");
            }
        }

        writer.Flush();
    }
}
