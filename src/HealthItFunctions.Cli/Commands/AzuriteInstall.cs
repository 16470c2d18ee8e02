using System.ComponentModel;
using System.Diagnostics;
using HealthItFunctions.Local;

namespace HealthItFunctions.Cli.Commands;

internal enum AzuriteInstallOutcome
{
    AlreadyInstalled,
    Installed,
    Failed,
}

/// <summary>
/// The demo installs Azurite itself, once: `npm ci` costs about 20 s, so it runs only when node_modules holds no
/// Azurite yet (a fresh clone), and the README's demo command needs no `npm ci` in front of it.
/// </summary>
internal static class AzuriteInstall
{
    public static async Task<AzuriteInstallOutcome> EnsureAsync(string repositoryRoot, Action<string> progress, CancellationToken cancellationToken)
    {
        if (AzuriteProcess.FindScript(repositoryRoot) is not null)
        {
            return AzuriteInstallOutcome.AlreadyInstalled;
        }

        progress($"Azurite is not installed under {repositoryRoot}/node_modules: running `npm ci` there once (later runs skip this)");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true };
        foreach (var argument in (string[])["ci", "--no-audit", "--no-fund"])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            progress($"error: cannot run npm ({e.Message}); install Node.js 20 (it brings npm) and run `npm ci` in {repositoryRoot}.");
            return AzuriteInstallOutcome.Failed;
        }

        using (process)
        {
            // npm's report is progress, not the demo's result: it goes to stderr with everything else.
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                progress(line);
            }

            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || AzuriteProcess.FindScript(repositoryRoot) is null)
            {
                progress($"error: `npm ci` in {repositoryRoot} failed (exit {process.ExitCode}); its messages are above.");
                return AzuriteInstallOutcome.Failed;
            }
        }

        return AzuriteInstallOutcome.Installed;
    }
}
