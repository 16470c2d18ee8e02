using System.Reflection;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Publishing;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Cli.Serve;

/// <summary>What a serve timer knows about its run, like the Functions TimerInfo.</summary>
public sealed record ServeTimerInfo(DateTimeOffset ScheduledFor, bool IsPastDue);

/// <summary>A timer function: its name, the setting holding its NCRONTAB expression, and the Core call it makes.</summary>
public sealed record ServeTimer(string Name, string ScheduleSetting, Func<IServiceProvider, ServeTimerInfo, CancellationToken, Task> Run);

/// <summary>One trigger serve hosts, described like functions.metadata does (type, and the setting or route it binds).</summary>
public sealed record ServeTrigger(string Function, string Type, string Binding);

/// <summary>
/// Everything `healthit serve` triggers. A test compares this with the Functions app's functions.metadata, so a
/// function added to one host and not the other fails the build.
/// </summary>
public static class ServeTriggers
{
    public const string ExtractRoute = "extract";

    public static IReadOnlyList<ServeTimer> Timers { get; } =
    [
        new("PollSources", "PollSchedule", async (services, timer, ct) =>
        {
            if (timer.IsPastDue)
            {
                Logger(services, "PollSources").LogInformation("PollSources is running late (serve was down or busy); polling now.");
            }

            await services.GetRequiredService<SourcePoller>().EnqueueDueAsync(ct);
        }),
        new("PublishBulletin", "BulletinSchedule", async (services, timer, ct) =>
        {
            if (timer.IsPastDue)
            {
                Logger(services, "PublishBulletin").LogInformation("PublishBulletin is running late; publishing the previous month now.");
            }

            await services.GetRequiredService<BulletinPublisher>().PublishPreviousMonthAsync(ct);
        }),
        .. ServeHooks.ExtraTimers,
    ];

    /// <summary>The queue triggers as the WebJobs SDK will index them, the timers, and the HTTP routes.</summary>
    public static IReadOnlyList<ServeTrigger> All()
    {
        var queues = typeof(QueueJobs).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => (Name: m.GetCustomAttribute<FunctionNameAttribute>()?.Name, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(m => m.Name is not null && m.Trigger is not null)
            .Select(m => new ServeTrigger(m.Name!, "queueTrigger", m.Trigger!.QueueName));
        var timers = Timers.Select(t => new ServeTrigger(t.Name, "timerTrigger", $"%{t.ScheduleSetting}%"));
        var http = new[] { new ServeTrigger("ExtractPreview", "httpTrigger", ExtractRoute) }.Concat(ServeHooks.ExtraHttpTriggers);
        return [.. queues, .. timers, .. http];
    }

    private static ILogger Logger(IServiceProvider services, string function) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger($"Function.{function}");
}
