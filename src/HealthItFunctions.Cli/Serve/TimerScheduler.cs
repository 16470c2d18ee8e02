using Azure;
using Cronos;
using HealthItFunctions.Local;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Serve;

/// <summary>What a serve timer knows about its run, like the Functions TimerInfo.</summary>
public sealed record ServeTimerInfo(DateTimeOffset ScheduledFor, bool IsPastDue);

/// <summary>A timer function: its name, the setting holding its NCRONTAB expression (or a literal one), and what it runs.</summary>
public sealed record ServeTimer(string Name, string? ScheduleSetting, Func<IServiceProvider, ServeTimerInfo, CancellationToken, Task> Run, string? LiteralSchedule = null);

/// <summary>A timer ready to run: its definition and its parsed NCRONTAB (6 fields, seconds first, UTC as on Linux plans).</summary>
public sealed record ScheduledTimer(ServeTimer Timer, string Expression, CronExpression Cron)
{
    public DateTimeOffset? NextAfter(DateTimeOffset instant) => Cron.GetNextOccurrence(instant, TimeZoneInfo.Utc);
}

/// <summary>
/// Runs the timer functions like the Functions host's timer listener: each occurrence from the schedule, one
/// catch-up run marked IsPastDue for occurrences missed while serve was down, and the status (Last, Next) kept in
/// Table Storage. An occurrence is claimed under the status's ETag before it runs and released when it ends, so a
/// restart, or a second serve on the same storage, neither misses nor doubles it (a claim left by a killed process
/// expires after Serve:TimerLease and the occurrence runs again, which the Core services make harmless).
/// </summary>
internal sealed class TimerScheduler(
    IReadOnlyList<ScheduledTimer> timers,
    TableScheduleMonitor monitor,
    IServiceProvider services,
    TimeProvider clock,
    IOptions<ServeOptions> options,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<TimerScheduler>();
    private static readonly TimeSpan StorageRetry = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(timers.Select(t => RunTimerAsync(t, stoppingToken)));

    private async Task RunTimerAsync(ScheduledTimer timer, CancellationToken stoppingToken)
    {
        var started = clock.GetUtcNow();
        var name = timer.Timer.Name;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunNextOccurrenceAsync(timer, started, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage unreachable (Azurite restarting, a network blip): the schedule is not lost, only late.
                _logger.LogWarning("Timer {Timer}: schedule status unavailable ({Error}); retrying in {Delay}", name, FirstLine(e.Message), StorageRetry);
                try
                {
                    await Task.Delay(StorageRetry, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunNextOccurrenceAsync(ScheduledTimer timer, DateTimeOffset started, CancellationToken stoppingToken)
    {
        var name = timer.Timer.Name;
        var now = clock.GetUtcNow();
        var status = await monitor.GetOrCreateAsync(name, timer.Expression, timer.NextAfter(now) ?? DateTimeOffset.MaxValue, now, stoppingToken);
        var due = status.Next;
        if (due > now)
        {
            // Sleep in slices: another serve may move Next, and a clock shift must not park a timer for years.
            var wait = due - now;
            await Task.Delay(wait < LongestSleep ? wait : LongestSleep, clock, stoppingToken);
            return;
        }

        if (status.Last >= due)
        {
            // Done already (by another serve) but Next not yet advanced: advance it.
            await monitor.TryWriteAsync(status with { Next = timer.NextAfter(now) ?? DateTimeOffset.MaxValue, LastUpdated = now }, stoppingToken);
            return;
        }

        if (status.IsHeld(due, now))
        {
            var held = status.ClaimedUntil!.Value - now;
            _logger.LogDebug("Timer {Timer}: {Due:o} is being run by {Owner}; checking again in {Wait}", name, due, status.ClaimedBy, held);
            await Task.Delay(held < StorageRetry ? held : StorageRetry, clock, stoppingToken);
            return;
        }

        var lease = options.Value.TimerLease;
        if (await monitor.TryWriteAsync(status with { ClaimedOccurrence = due, ClaimedUntil = now + lease, ClaimedBy = _instance, LastUpdated = now }, stoppingToken) is not { } claimed)
        {
            return; // Someone wrote first: read again and decide again.
        }

        // Like the host: late when the occurrence fell while no serve was running, or a claim on it ran out.
        var info = new ServeTimerInfo(due, IsPastDue: due < started || status.ClaimedOccurrence == due);
        (claimed, var ran) = await InvokeAsync(timer, info, claimed, lease, stoppingToken);
        var finished = clock.GetUtcNow();
        if (!ran)
        {
            // Stopped mid-run: give the occurrence back, so the next start runs it at once (past due) instead of waiting out the lease.
            await monitor.TryWriteAsync(claimed with { ClaimedUntil = finished, LastUpdated = finished }, CancellationToken.None);
            return;
        }

        var completed = claimed with
        {
            Last = due,
            Next = timer.NextAfter(finished) ?? DateTimeOffset.MaxValue,
            LastUpdated = finished,
            ClaimedOccurrence = null,
            ClaimedUntil = null,
            ClaimedBy = null,
        };
        if (await monitor.TryWriteAsync(completed, CancellationToken.None) is null)
        {
            _logger.LogWarning("Timer {Timer}: the claim on {Due:o} was taken over before the run finished (it ran longer than Serve:TimerLease?)", name, due);
        }
    }

    /// <summary>Runs the function while renewing the claim; returns the status as last written, and false when a stop cut the run short.</summary>
    private async Task<(ScheduleStatus Claimed, bool Ran)> InvokeAsync(ScheduledTimer timer, ServeTimerInfo info, ScheduleStatus claimed, TimeSpan lease, CancellationToken stoppingToken)
    {
        var name = timer.Timer.Name;
        // Worded as the WebJobs listener words its own invocations, so one grep finds every function run.
        var log = loggers.CreateLogger($"Function.{name}");
        log.LogInformation("Executing '{Timer}' (Reason='Timer fired at {Due:o}', past due: {PastDue})", name, info.ScheduledFor, info.IsPastDue);
        var clockStart = clock.GetTimestamp();
        var run = Task.Run(() => timer.Timer.Run(services, info, stoppingToken), CancellationToken.None);
        while (!run.IsCompleted)
        {
            var renewAt = Task.Delay(lease / 3, clock, CancellationToken.None);
            if (await Task.WhenAny(run, renewAt) == run)
            {
                break;
            }

            try
            {
                claimed = await monitor.TryWriteAsync(claimed with { ClaimedUntil = clock.GetUtcNow() + lease }, CancellationToken.None) ?? claimed;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                _logger.LogWarning("Timer {Timer}: could not renew the claim ({Error})", name, FirstLine(e.Message));
            }
        }

        try
        {
            await run;
            log.LogInformation("Executed '{Timer}' (Succeeded, Duration={Duration}ms)", name, (long)clock.GetElapsedTime(clockStart).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogInformation("'{Timer}' was stopped mid-run by shutdown; the next start runs it again", name);
            return (claimed, false);
        }
        catch (Exception e)
        {
            // A timer is not retried by the host either: the next occurrence is the retry.
            log.LogError(e, "Executed '{Timer}' (Failed, Duration={Duration}ms)", name, (long)clock.GetElapsedTime(clockStart).TotalMilliseconds);
        }

        return (claimed, true);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
