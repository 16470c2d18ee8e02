namespace HealthItFunctions.Core.Alerts;

/// <summary>Where source incidents go: a mail to the editors in production, the log when no mailer is registered.</summary>
public interface IAlertSink
{
    Task RaiseAsync(SourceIncident incident, CancellationToken cancellationToken);
}

/// <summary>One incident opening (<paramref name="Recovered"/> false) or closing (true) for one source.</summary>
public sealed record SourceIncident(string SourceId, string Kind /*failing|silent|rule-broken*/, bool Recovered, string Detail, DateTimeOffset At);
