using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Core;

/// <summary>
/// The one clock every service takes from DI. It is the system clock, unless a local run (a replay, the serve soak)
/// sets <see cref="StartAtSetting"/>: then the clock read that instant when this process started, and runs on at real
/// speed, so timers still wait real time and a replayed month reaches its month end. The Functions app refuses the
/// setting, as it refuses the replay's host map.
/// </summary>
public static class RunClock
{
    public const string StartAtSetting = "LocalRun:StartAt";

    /// <summary>The registration AddCore makes, and the only one: <see cref="TimeProvider.System"/> or the started clock.</summary>
    public static TimeProvider Create(IServiceProvider services)
    {
        if (services.GetService<IConfiguration>()?[StartAtSetting] is not { Length: > 0 } text)
        {
            return TimeProvider.System;
        }

        if (services.GetService<LocalRun>() is null)
        {
            throw new InvalidOperationException(
                $"{StartAtSetting} moves the clock; it works only in local runs through the healthit CLI (serve, the soak). " +
                "Remove it from this app's settings (environment: LocalRun__StartAt).");
        }

        if (!TryParse(text, out var startAt))
        {
            throw new InvalidOperationException(Problem(text));
        }

        using var process = Process.GetCurrentProcess();
        return new StartedClock(startAt - process.StartTime.ToUniversalTime());
    }

    public static bool TryParse(string text, out DateTimeOffset startAt) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out startAt);

    /// <summary>The start-up message for an unreadable value, naming the setting and the form it takes.</summary>
    public static string Problem(string text) =>
        $"{StartAtSetting}='{text}' is not an instant: give the time the clock reads when the process starts, e.g. 2021-08-31T15:59:30Z.";

    /// <summary>The system clock moved by a fixed amount: it runs at real speed, so timers wait real time.</summary>
    private sealed class StartedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
