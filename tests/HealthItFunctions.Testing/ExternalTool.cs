using System.Diagnostics;
using System.Text;

namespace HealthItFunctions.Testing;

/// <summary>A command-line program a test runs to completion (LibreOffice, pdftotext), killed by PID if it overruns.</summary>
public static class ExternalTool
{
    /// <summary>Full path of the first of <paramref name="names"/> found on PATH, or null.</summary>
    public static string? Find(params string[] names) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // This process and whatever it spawned (soffice forks oosplash → soffice.bin), nothing else.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{Path.GetFileName(fileName)} (PID {process.Id}) did not finish within {timeout.TotalSeconds:F0}s; it was killed.\n{await stdout}{await stderr}");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
