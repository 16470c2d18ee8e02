namespace HealthItFunctions.Core.Alerts;

/// <summary>An incident's state: open or not, and whether anyone was told it opened.</summary>
public sealed record IncidentRecord(string SourceId, string Kind, bool Open, bool Mailed, DateTimeOffset At, string Detail)
{
    public string? ETag { get; init; }
}

/// <summary>What the alert sink remembers between polls, saved under ETags so parallel polls agree.</summary>
public interface IAlertLedger
{
    Task<IncidentRecord?> GetAsync(string sourceId, string kind, CancellationToken cancellationToken);

    /// <summary>Creates (ETag null) or replaces under the ETag; null when another run saved first (409/412).</summary>
    Task<IncidentRecord?> TrySaveAsync(IncidentRecord record, CancellationToken cancellationToken);

    /// <summary>Counts one alert mail against <paramref name="day"/>'s cap; false (and nothing counted) when the cap is reached.</summary>
    Task<bool> TryCountMailAsync(DateOnly day, int cap, CancellationToken cancellationToken);
}
