using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using HealthItFunctions.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HealthItFunctions.Infrastructure;

public static class ObservabilityServiceCollectionExtensions
{
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Subscribes OpenTelemetry to the <see cref="HealthItTelemetry"/> meter and source, written once for every host.
    /// Exporters follow the settings: Azure Monitor when an Application Insights connection string is set (Azure),
    /// OTLP when an endpoint is set (a local collector or dashboard). With neither, nothing is exported and nothing is
    /// written: stdout stays the CLI's result. The Functions app adds the worker's own instrumentation to the builder
    /// this returns (<c>UseFunctionsWorkerDefaults</c>).
    /// </summary>
    public static IOpenTelemetryBuilder AddHealthItObservability(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(HealthItTelemetry.Name))
            .WithTracing(t => t.AddSource(HealthItTelemetry.Name))
            .WithMetrics(m => m.AddMeter(HealthItTelemetry.Name));

        if (configuration[ApplicationInsightsConnectionString] is { Length: > 0 } connectionString)
        {
            var credential = AzureMonitorCredential(configuration[ApplicationInsightsAuthentication]);
            otel.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                o.Credential = credential;
            });
        }

        if (configuration[OtlpEndpoint] is { Length: > 0 })
        {
            // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and _PROTOCOL, _HEADERS) itself.
            otel.UseOtlpExporter();
        }

        return otel;
    }

    /// <summary>
    /// Application Insights in Azure has local auth disabled: telemetry is sent with the app's managed identity, named
    /// as the Functions host names it ("ClientId=…;Authorization=AAD"). Without that setting the connection string alone
    /// is used (a resource that still accepts instrumentation keys).
    /// </summary>
    internal static TokenCredential? AzureMonitorCredential(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
        {
            return null;
        }

        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
