using System.Net;
using System.Net.Sockets;
using HealthItFunctions.Cli.Commands;

namespace HealthItFunctions.Cli.Tests.Commands;

/// <summary>
/// What a newcomer meets, through the real executable: results on stdout, everything else on stderr, one line naming
/// the problem and its fix, and the documented exit codes (0 ok, 1 usage, 2 input or runtime).
/// </summary>
public sealed class CliConventionsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("healthit-conventions-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Run_UnknownCommand_ExitsOneNamingItAndPointingToHelp()
    {
        var run = await HealthitProcess.RunAsync(["frob"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("'frob' is not a healthit command", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'healthit --help'", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownSubcommandOfGroup_NamesTheGroupsCommands()
    {
        var run = await HealthitProcess.RunAsync(["sources", "frob"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("'frob' is not a healthit sources command; the commands are: check, status", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCommand_ExitsOneListingTheCommandsOnStderr()
    {
        var run = await HealthitProcess.RunAsync([]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("'healthit' needs a command: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_GoesToStdoutWithExitZero()
    {
        var run = await HealthitProcess.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Commands:", run.Stdout, StringComparison.Ordinal);
        // Measurements, the soak among them, are healthit-bench's.
        Assert.DoesNotContain("benchmark", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsOneNamingIt()
    {
        var run = await HealthitProcess.RunAsync(["relevance", "--jsonl", "in.jsonl", "--out", "out.jsonl", "--bogus"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--bogus", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'healthit relevance --help'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("relevance")]
    [InlineData("dedupe")]
    public async Task Run_JsonlCommandMissingInput_ErrorOnStderrExitTwo(string command)
    {
        var missing = Path.Combine(_root.FullName, "nope.jsonl");

        var run = await HealthitProcess.RunAsync([command, "--jsonl", missing, "--out", Path.Combine(_root.FullName, "out.jsonl")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("nope.jsonl", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DedupeSummary_GoesToStderrAndStdoutStaysEmpty()
    {
        var input = Path.Combine(_root.FullName, "in.jsonl");
        await File.WriteAllTextAsync(input, """{"id":"a","title":"标题","content":"正文"}""" + "\n", TestContext.Current.CancellationToken);

        var run = await HealthitProcess.RunAsync(["dedupe", "--jsonl", input, "--out", Path.Combine(_root.FullName, "out.jsonl")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("wrote 1 lines", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExplainMissingFile_ErrorOnStderrExitTwo()
    {
        var run = await HealthitProcess.RunAsync(["explain", Path.Combine(_root.FullName, "nope.html")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("nope.html' does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExtractEmptyDirectory_SaysSoExitsTwoAndWritesNoFile()
    {
        var pages = _root.CreateSubdirectory("empty");
        var output = Path.Combine(_root.FullName, "out.jsonl");

        var run = await HealthitProcess.RunAsync(["extract", pages.FullName, "--jsonl", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("holds no .html pages", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Run_ReviewWithoutPollingSetting_OneLineNamingTheSettingExitTwo()
    {
        var run = await HealthitProcess.RunAsync(["review", "--month", "2021-08", "--port", "0"], new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] = "UseDevelopmentStorage=true",
            ["Review__Token"] = "a-review-token-of-enough-length",
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("error: settings:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Polling__UserAgentContact", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ProcessWithStorageDown_NamesTheEndpointExitTwo()
    {
        var port = ClosedPort();
        var run = await HealthitProcess.RunAsync(["process"], new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] =
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            ["Polling__UserAgentContact"] = "ops@healthit.local",
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains($"storage at http://127.0.0.1:{port} cannot be reached", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        // Speed is measured, not asserted: a timed assertion would fail on a busy machine, not on slow code.
        TestContext.Current.SendDiagnosticMessage($"storage down reported after {run.Elapsed.TotalSeconds:0.0} s (process start included)");
    }

    [Fact]
    public async Task EnsureAzurite_AlreadyInstalled_RunsNoNpm()
    {
        var script = Directory.CreateDirectory(Path.Combine(_root.FullName, "node_modules", "azurite", "dist", "src"));
        await File.WriteAllTextAsync(Path.Combine(script.FullName, "azurite.js"), "", TestContext.Current.CancellationToken);
        var said = new List<string>();

        var outcome = await AzuriteInstall.EnsureAsync(_root.FullName, said.Add, TestContext.Current.CancellationToken);

        Assert.Equal(AzuriteInstallOutcome.AlreadyInstalled, outcome);
        Assert.Empty(said);
    }

    [Fact]
    public async Task EnsureAzurite_NotInstalledAndNpmCiFails_ReportsFailureNamingNpmCi()
    {
        // No package-lock.json: `npm ci` refuses at once, offline, as it would on a broken checkout.
        await File.WriteAllTextAsync(Path.Combine(_root.FullName, "package.json"), """{"name":"x","version":"1.0.0","private":true}""", TestContext.Current.CancellationToken);
        var said = new List<string>();

        var outcome = await AzuriteInstall.EnsureAsync(_root.FullName, said.Add, TestContext.Current.CancellationToken);

        Assert.Equal(AzuriteInstallOutcome.Failed, outcome);
        Assert.Contains(said, line => line.Contains("running `npm ci`", StringComparison.Ordinal));
        Assert.Contains(said, line => line.StartsWith("error:", StringComparison.Ordinal) && line.Contains("npm", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
