using System.Diagnostics;

namespace HealthItFunctions.Cli.Tests.Commands;

/// <summary>Runs the built <c>healthit</c> (or <c>healthit-bench</c>) as a user does, in its own process, and keeps both streams apart.</summary>
internal static class HealthitProcess
{
    internal sealed record Run(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    /// <param name="environment">Set (or, with a null value, removed) over the test process's environment.</param>
    /// <param name="program">The built assembly to run, beside the tests.</param>
    public static async Task<Run> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, string program = "healthit.dll")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing from the developer's shell may decide the outcome.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not exit within 2 minutes; stderr so far: {await stderr}");
        }

        return new Run(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
