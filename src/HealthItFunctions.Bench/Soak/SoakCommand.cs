using System.CommandLine;
using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Local;

namespace HealthItFunctions.Bench.Soak;

/// <summary>
/// <c>healthit-bench soak --minutes 10</c>: `healthit serve` as a child process against the replay, with fast
/// timers, killed with SIGKILL and restarted, Azurite stopped and restarted, then audited. Not a test: it takes minutes.
/// </summary>
internal sealed class SoakCommand : ICliCommand
{
    public Command Build()
    {
        var minutes = new Option<double>("--minutes") { Description = "How long serve runs in all (at least 2).", DefaultValueFactory = _ => 10 };
        var pollEvery = new Option<int>("--poll-every") { Description = "PollSchedule interval in seconds (1-59).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where the serve logs, the received mail and report.txt go.", DefaultValueFactory = _ => new DirectoryInfo("out/soak") };
        var command = new Command("soak",
            "Run `healthit serve` against the 2021-08 replay through its month end: kill -9 and restart it, stop and restart Azurite, " +
            "SIGTERM it, then check for duplicate articles, lost links and one mail per bulletin version. Exit 0 when every check holds. " + CliApplication.ExitCodesHelp)
        {
            minutes, pollEvery, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var duration = TimeSpan.FromMinutes(result.GetValue(minutes));
            var every = result.GetValue(pollEvery);
            if (duration < TimeSpan.FromMinutes(2) || every is < 1 or > 59)
            {
                Console.Error.WriteLine("error: --minutes must be at least 2 and --poll-every between 1 and 59.");
                return CliOutput.UsageError;
            }

            if (RepositoryLayout.FindRoot() is not { } root)
            {
                return CliOutput.Fail("run healthit-bench soak from the repository checkout, after `npm ci` (it needs node_modules/azurite and seeds/replay).");
            }

            var dll = Path.Combine(AppContext.BaseDirectory, "healthit.dll");
            return await CliErrors.GuardAsync(async () =>
            {
                var report = await new SoakRun(root, dll, result.GetValue(output)!, duration, every).RunAsync(cancellationToken);
                return report ? CliOutput.Ok : CliOutput.RuntimeError;
            });
        });
        return command;
    }
}
