namespace HealthItFunctions.Core.Alerts;

/// <summary>
/// Something wrong (or right again) with one source, as polling sees it.
/// </summary>
/// <param name="SourceId">The catalogued source's id.</param>
/// <param name="Kind"><see cref="IncidentKinds.Failing"/>, <see cref="IncidentKinds.Silent"/> or <see cref="IncidentKinds.RuleBroken"/>.</param>
/// <param name="Recovered">True when the condition has cleared.</param>
/// <param name="Detail">What a person should read: the status, the error, what to check.</param>
/// <param name="At">When polling saw it.</param>
public sealed record SourceIncident(string SourceId, string Kind, bool Recovered, string Detail, DateTimeOffset At);

public static class IncidentKinds
{
    /// <summary>Polls fail (HTTP errors, timeouts, refused by robots.txt).</summary>
    public const string Failing = "failing";

    /// <summary>Polls succeed but no new link has appeared for longer than the source usually goes quiet.</summary>
    public const string Silent = "silent";

    /// <summary>The list page no longer matches the source's extraction rule (the site changed its layout).</summary>
    public const string RuleBroken = "rule-broken";
}

/// <summary>
/// Where polling reports source incidents. Raising the same open incident again, or a recovery of an incident that
/// is not open, is allowed and does nothing: the sink keeps the state, so polling can report what it sees each time.
/// </summary>
public interface IAlertSink
{
    Task RaiseAsync(SourceIncident incident, CancellationToken cancellationToken);
}
