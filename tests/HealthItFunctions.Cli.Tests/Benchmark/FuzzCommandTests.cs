using HealthItFunctions.Cli.Tests.Commands;
using HealthItFunctions.Fuzzing;

namespace HealthItFunctions.Cli.Tests.Benchmark;

/// <summary><c>healthit-bench fuzz</c> as a user runs it: its own process, the table on stdout, progress on stderr.</summary>
public sealed class FuzzCommandTests
{
    [Fact]
    public async Task Fuzz_FewSecondsFixedSeed_TableCountsEveryTargetAndExitsZero()
    {
        var run = await HealthitProcess.RunAsync(["fuzz", "--minutes", "0.1", "--seed", FuzzRunner.TestSeed.ToString()], program: "healthit-bench.dll");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\nstdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
        Assert.Contains($"fuzz: seed {FuzzRunner.TestSeed}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"fuzz, seed {FuzzRunner.TestSeed}:", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", run.Stdout, StringComparison.Ordinal);
        foreach (var target in new[] { "extraction", "render-text", "render-html", "render-word", "mail", "review-api", "queue-messages" })
        {
            // A row: the name, then inputs (at least one each: the time is shared), then 0 failures.
            var cells = Row(run.Stdout, target);
            Assert.True(cells is not null, $"no row for {target} in:\n{run.Stdout}");
            Assert.True(long.Parse(cells[1]) > 0, $"{target} tried no input: {string.Join(" | ", cells)}");
            Assert.Equal("0", cells[2]);
        }
    }

    [Fact]
    public async Task Fuzz_UnknownTarget_NamesTheTargetsAndExitsOne()
    {
        var run = await HealthitProcess.RunAsync(["fuzz", "--minutes", "0.01", "--target", "nonsense"], program: "healthit-bench.dll");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no target nonsense", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("render-word", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Fuzz_ReplayOfOneInput_RunsExactlyThatInput()
    {
        var run = await HealthitProcess.RunAsync(["fuzz", "--target", "review-api", "--seed", "7", "--replay", "12"], program: "healthit-bench.dll");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1", Row(run.Stdout, "review-api")?[1]);
    }

    /// <summary>The cells of the table row whose first cell is <paramref name="target"/>.</summary>
    private static string[]? Row(string stdout, string target) => stdout.Split('\n')
        .Where(l => l.StartsWith('│'))
        .Select(l => l.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .SingleOrDefault(cells => cells.Length > 0 && cells[0] == target);
}
