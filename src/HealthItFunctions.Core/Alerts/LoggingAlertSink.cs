using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Core.Alerts;

/// <summary>The fallback sink: incidents as warnings in the log (Application Insights in Azure) when no mailer sink is registered.</summary>
public sealed partial class LoggingAlertSink(ILogger<LoggingAlertSink> logger) : IAlertSink
{
    public Task RaiseAsync(SourceIncident incident, CancellationToken cancellationToken)
    {
        if (incident.Recovered)
        {
            LogRecovered(incident.SourceId, incident.Kind, incident.Detail);
        }
        else
        {
            LogOpened(incident.SourceId, incident.Kind, incident.Detail);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId}: incident {Kind}: {Detail}")]
    private partial void LogOpened(string sourceId, string kind, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceId}: {Kind} recovered: {Detail}")]
    private partial void LogRecovered(string sourceId, string kind, string detail);
}
