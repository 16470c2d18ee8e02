using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Tests.Infra;

/// <summary>
/// Runs the Bicep CLI that restore downloads from NuGet (PackageDownload in the test project),
/// so the infra is checked offline with the same compiler on every machine.
/// </summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string InfraDirectory => Path.Combine(RepositoryPaths.Root, "infra");

    public static string MainBicep => Path.Combine(InfraDirectory, "main.bicep");

    /// <summary>The binary's path, written into the assembly by MSBuild from $(NuGetPackageRoot).</summary>
    public static string ExecutablePath
    {
        get
        {
            var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "BicepCliPath").Value;
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"Bicep CLI not found at '{path}'. Run `dotnet restore tests/HealthItFunctions.Tests`: " +
                    "its PackageDownload of Azure.Bicep.CommandLine.linux-x64 puts it there.");
            }

            return path;
        }
    }

    public static BicepResult Run(params string[] arguments)
    {
        // The package ships a linux-x64 binary only; elsewhere there is nothing to run.
        Assert.SkipUnless(
            RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.X64,
            "The NuGet Bicep CLI package used here is linux-x64.");

        var path = ExecutablePath;
        if (OperatingSystem.IsLinux())
        {
            EnsureExecutable(path);
        }

        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start {path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(process.ExitCode, stdout.Result + stderr.Result);
    }

    // NuGet extraction does not always keep the execute bit of a binary inside a package.
    [SupportedOSPlatform("linux")]
    private static void EnsureExecutable(string path)
    {
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Diagnostics are printed as "file(line,col) : Warning rule-name: message".</summary>
    [GeneratedRegex(@"^.*\)\s*:\s*(Warning|Error)\s.*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    internal sealed record BicepResult(int ExitCode, string Output)
    {
        public IReadOnlyList<string> Diagnostics =>
            DiagnosticLine().Matches(Output).Select(match => match.Value.TrimEnd()).ToList();

        public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{Output}";
    }
}
