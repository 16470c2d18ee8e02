using System.CommandLine;
using System.Diagnostics;
using HealthItFunctions.Local;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit demo --out DIR</c>: the whole pipeline offline, in one process. Azurite, an SMTP server and the replay of
/// the source sites start on loopback; poll → process → publish run through the same services as the functions.
/// </summary>
internal sealed class DemoCommand : ICliCommand
{
    internal const string DefaultMonth = "2021-08";

    public Command Build()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Where the bulletin files and the received mail (.eml) go.", DefaultValueFactory = _ => new DirectoryInfo("out/demo") };
        var month = new Option<string>("--month") { Description = "The replayed month (a folder under seeds/replay/).", DefaultValueFactory = _ => DefaultMonth };
        var keep = new Option<bool>("--keep") { Description = "Afterwards keep everything running and serve the review page for the month on 127.0.0.1 until Ctrl+C." };
        var command = new Command("demo", $"Rebuild a bulletin offline from the replayed source sites (Azurite and a loopback SMTP server are started and stopped). {CliApplication.ExitCodesHelp}")
        {
            output, month, keep,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!BulletinMonth.TryParse(result.GetValue(month), out var parsed))
            {
                Console.Error.WriteLine($"error: --month '{result.GetValue(month)}' is not a month; write it as yyyy-MM.");
                return CliOutput.UsageError;
            }

            return await CliErrors.GuardAsync(() => RunAsync(result.GetValue(output)!, parsed, cancellationToken, result.GetValue(keep)));
        });
        return command;
    }

    internal static async Task<int> RunAsync(DirectoryInfo output, BulletinMonth month, CancellationToken cancellationToken, bool keep = false)
    {
        var clock = Stopwatch.StartNew();
        if (RepositoryLayout.FindRoot() is not { } root)
        {
            return CliOutput.Fail("run the demo from the repository checkout (it needs seeds/ and installs Azurite into node_modules).");
        }

        var replay = Path.Combine(root, "seeds", "replay", month.ToString());
        if (!Directory.Exists(replay))
        {
            return CliOutput.Fail($"no replay for {month}: {replay} does not exist.");
        }

        if (await AzuriteInstall.EnsureAsync(root, CliOutput.Progress, cancellationToken) == AzuriteInstallOutcome.Failed)
        {
            return CliOutput.RuntimeError;
        }

        output.Create();
        CliOutput.Progress("starting Azurite, the SMTP server and the replay of the source sites (loopback only)");
        await using var environment = await DemoEnvironment.StartAsync(root, replay, output.FullName, cancellationToken);
        using var host = CliHost.CreateBuilder(environment.Settings()).Build();
        var services = host.Services;
        var runner = services.GetRequiredService<PipelineRunner>();
        var report = await DemoRun.RunAsync(services, runner, replay, month, cancellationToken);

        var paths = await BulletinFiles.WriteAsync(output, report.Publish.Files, cancellationToken, report.Publish.Pictures);
        var expected = (report.Draft.Notice?.State == MailState.Sent ? 1 : 0) + (report.Publish.Mail.State == MailState.Sent ? 1 : 0);
        var mails = await environment.Mail.WaitForAsync(expected, TimeSpan.FromSeconds(10));

        DemoSummary.Write(Console.Out, report, services.GetRequiredService<StorageTransactionCounter>(), paths,
            Directory.GetFiles(output.FullName, "*.eml"), mails.Count, clock.Elapsed);
        if (keep)
        {
            // Same storage, SMTP server and replay: what the editor publishes from the page lands in DIR as another .eml.
            CliOutput.Progress("--keep: the review page follows; Ctrl+C stops it and everything the demo started");
            return await Review.ReviewCommand.RunAsync(month, Review.ReviewCommand.DefaultPort, environment.Settings().ToDictionary(), cancellationToken);
        }

        return CliOutput.Ok;
    }
}
