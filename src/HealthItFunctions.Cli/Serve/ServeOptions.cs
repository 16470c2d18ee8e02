namespace HealthItFunctions.Cli.Serve;

/// <summary>Settings only `healthit serve` reads (section "Serve"); the schedules and queues use the function settings.</summary>
public sealed class ServeOptions
{
    public const string Section = "Serve";

    /// <summary>The loopback port of the HTTP endpoints (the review page and /api/extract); 7071 is where `func start` listens.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>The token HTTP callers present (x-functions-key header, ?code= or Authorization: Bearer); empty makes one at start-up.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// How long a timer's claim on an occurrence lasts without renewal. A serve killed mid-run holds an occurrence
    /// this long before another start runs it again; a running one renews at a third of it.
    /// </summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Shifts serve's clock (timers, "previous month", discovery times) by this much, so a replayed month can be run
    /// through its month end. Zero in any real deployment; start-up logs a warning when it is not.
    /// </summary>
    public TimeSpan ClockOffset { get; set; }
}

/// <summary>The system clock shifted by <see cref="ServeOptions.ClockOffset"/>: it runs at real speed, so timers wait real time.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
