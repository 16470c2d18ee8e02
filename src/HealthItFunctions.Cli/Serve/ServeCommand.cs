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
            "Run the Functions app's own functions locally in one process: its queue triggers on the WebJobs SDK listener (host.json semantics), " +
            "its timers (schedules from their settings, e.g. PollSchedule; UTC) and its HTTP functions (review page and API, extract preview) on 127.0.0.1 (Serve__Port, default 7071) behind Review__Token. " +
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
            logger.LogWarning("LocalRun:StartAt moved the clock by {Offset}: serve believes it is {Now:o}. Never set it outside a replay or a soak.", shift, clock.GetUtcNow());
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

        foreach (var function in serve.Functions)
        {
            logger.LogInformation("Function {Function}: {Type} {Binding}", function.Name, function.Trigger.Type, function.Trigger.Binding);
        }

        // The token is for the person at this terminal: stderr, never the log stream.
        Console.Error.WriteLine($"serve: {serve.Address}api/review (token: {serve.Token}; send it as 'Authorization: Bearer <token>'); Ctrl-C stops after in-flight work.");
        await app.WaitForShutdownAsync(cancellationToken);
        logger.LogInformation("Stopped: in-flight messages finished or were released to their queue.");
        return CliOutput.Ok;
    }
}
