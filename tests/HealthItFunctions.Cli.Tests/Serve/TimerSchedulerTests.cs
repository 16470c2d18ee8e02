using System.Collections.Concurrent;
using Azure.Data.Tables;
using HealthItFunctions.Cli.Serve;
using HealthItFunctions.Local;
using HealthItFunctions.Testing;
using Cronos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Tests.Serve;

/// <summary>The schedule monitor against real Table Storage: occurrences are neither missed nor doubled.</summary>
public sealed class TimerSchedulerTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private readonly ConcurrentQueue<ServeTimerInfo> _runs = new();

    [Fact]
    public async Task RunAsync_TwoSchedulersOnOneStorage_RunEachOccurrenceOnce()
    {
        var timer = Timer(storage.UniqueName("both"), "* * * * * *");
        var monitor = Monitor();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        await Task.WhenAll(Scheduler(timer, monitor).RunUntilAsync(stop.Token), Scheduler(timer, monitor).RunUntilAsync(stop.Token));

        var occurrences = _runs.Select(r => r.ScheduledFor).ToList();
        Assert.True(occurrences.Count >= 3, $"expected a run per second, got {occurrences.Count}");
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_OccurrenceMissedDuringDowntime_RunsOnceMarkedPastDue()
    {
        var name = storage.UniqueName("late");
        var timer = Timer(name, "0 0 * * * *");
        var monitor = Monitor();
        var now = DateTimeOffset.UtcNow;
        var missed = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-2);
        await monitor.GetOrCreateAsync(name, timer.Expression, missed, now.AddHours(-3), TestContext.Current.CancellationToken);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await Scheduler(timer, monitor).RunUntilAsync(stop.Token);

        var run = Assert.Single(_runs);
        Assert.Equal(missed, run.ScheduledFor);
        Assert.True(run.IsPastDue);
        var status = await monitor.GetAsync(name, TestContext.Current.CancellationToken);
        Assert.Equal(missed, status!.Last);
        Assert.True(status.Next > now, "the missed occurrences are not run one by one: the next is in the future");
        Assert.Null(status.ClaimedOccurrence);
    }

    [Fact]
    public async Task RunAsync_ClaimLeftByAKilledProcess_RunsTheOccurrenceOnceTheClaimRunsOut()
    {
        var name = storage.UniqueName("claim");
        var timer = Timer(name, "0 0 * * * *");
        var monitor = Monitor();
        var now = DateTimeOffset.UtcNow;
        var occurrence = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-5);
        var created = await monitor.GetOrCreateAsync(name, timer.Expression, occurrence, now.AddHours(-1), TestContext.Current.CancellationToken);
        var claimRunsOut = now.AddSeconds(2);
        await monitor.TryWriteAsync(created with { ClaimedOccurrence = occurrence, ClaimedUntil = claimRunsOut, ClaimedBy = "killed" }, TestContext.Current.CancellationToken);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));

        await Scheduler(timer, monitor).RunUntilAsync(stop.Token);

        var run = Assert.Single(_runs);
        Assert.Equal(occurrence, run.ScheduledFor);
        Assert.True(run.IsPastDue);
        Assert.True(_ranAt.Single() >= claimRunsOut, "the occurrence must not run while another process holds it");
    }

    private readonly ConcurrentQueue<DateTimeOffset> _ranAt = new();

    private ScheduledTimer Timer(string name, string expression) =>
        new(new ServeTimer(name, name + "Schedule", (_, info, _) =>
        {
            _runs.Enqueue(info);
            _ranAt.Enqueue(DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        }), expression, CronExpression.Parse(expression, CronFormat.IncludeSeconds));

    private TableScheduleMonitor Monitor() => new(new TableServiceClient(storage.ConnectionString));

    private static SchedulerRun Scheduler(ScheduledTimer timer, TableScheduleMonitor monitor) =>
        new(new TimerScheduler([timer], monitor, new EmptyServices(), TimeProvider.System,
            Options.Create(new ServeOptions { TimerLease = TimeSpan.FromSeconds(10) }), NullLoggerFactory.Instance));

    private sealed class SchedulerRun(TimerScheduler scheduler)
    {
        public async Task RunUntilAsync(CancellationToken stop)
        {
            await scheduler.StartAsync(CancellationToken.None);
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                // The test's time is up.
            }

            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
