using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using HealthItFunctions.Cli.Commands;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// <c>healthit serve</c>: the Functions app's triggers in one local process, without Core Tools. Settings come from
/// the environment, under the same names as the function app settings.
/// </summary>
internal sealed class ServeCommand : ICliCommand
{
    public Command Build()
    {
        var verbose = new Option<bool>("--verbose") { Description = "Debug-level logs, including the queue listener's and the storage SDK's." };
        var json = new Option<bool>("--json-logs") { Description = "Log JSON lines (the console JSON formatter) instead of one text line per event." };
        var command = new Command("serve",
            "Run the functions locally in one process: the PollSource/ProcessArticle queue triggers (WebJobs SDK listener, host.json semantics), " +
            "the PollSources/PublishBulletin/DailyDigest timers (PollSchedule, BulletinSchedule, DigestSchedule; UTC) and the HTTP endpoints (extract preview, review page and API) on 127.0.0.1 (Serve__Port, default 7071). " +
            "Needs Storage__ConnectionString (or AzureWebJobsStorage). Ctrl-C drains. " + CliApplication.ExitCodesHelp)
        {
            verbose, json,
        };
        command.SetAction((result, cancellationToken) => CliErrors.GuardAsync(() =>
            RunAsync(null, new ServeLogging(result.GetValue(verbose), result.GetValue(json)), cancellationToken)));
        return command;
    }

    internal static async Task<int> RunAsync(IReadOnlyDictionary<string, string?>? overrides, ServeLogging logging, CancellationToken cancellationToken)
    {
        ServeApp serve;
        try
        {
            serve = ServeHost.Build(overrides, logging);
            await ServeHost.CheckStorageAsync(serve.App.Services, cancellationToken);
        }
        catch (ServeSettingsException e)
        {
            foreach (var problem in e.Problems)
            {
                Console.Error.WriteLine($"error: {problem}");
            }

            return CliOutput.RuntimeError;
        }

        await using var app = serve.App;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Serve");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        if (clock.GetUtcNow() - DateTimeOffset.UtcNow is { } shift && Math.Abs(shift.TotalSeconds) > 1)
        {
            logger.LogWarning("Serve:ClockOffset shifts the clock by {Offset}: serve believes it is {Now:o}. Never set it outside a replay or a soak.", shift, clock.GetUtcNow());
        }

        var q = serve.Queues;
        logger.LogInformation(
            "Queues (host.json): batchSize {BatchSize}, newBatchThreshold {Threshold}, visibilityTimeout {Visibility}, maxDequeueCount {MaxDequeue}, maxPollingInterval {Polling}",
            q.BatchSize, q.NewBatchThreshold?.ToString() ?? "default", q.VisibilityTimeout ?? TimeSpan.Zero, q.MaxDequeueCount, q.MaxPollingInterval);
        foreach (var timer in serve.Timers)
        {
            logger.LogInformation("Timer {Timer}: {Setting} = '{Expression}' (UTC), next {Next:o}", timer.Timer.Name, timer.Timer.ScheduleSetting, timer.Expression, timer.NextAfter(clock.GetUtcNow()));
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Microsoft.Azure.WebJobs.Host.Indexers.FunctionIndexingException e)
        {
            return CliOutput.Fail($"the queue listener could not index {e.MethodName}: {e.InnerException?.Message ?? e.Message}");
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            return CliOutput.Fail($"cannot listen on 127.0.0.1:{serve.Port} ({e.Message}). Set Serve__Port to a free port.");
        }

        // The token is for the person at this terminal: stderr, never the log stream.
        Console.Error.WriteLine($"serve: http://127.0.0.1:{serve.Port}/api/extract (x-functions-key: {serve.Token}); Ctrl-C stops after in-flight work.");
        await app.WaitForShutdownAsync(cancellationToken);
        logger.LogInformation("Stopped: in-flight messages finished or were released to their queue.");
        return CliOutput.Ok;
    }
}
