using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthItFunctions.Core.Sources;

public static class SourceMonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Source health (thresholds from "Polling"). The catalog, the state store and the alert sink are adapters,
    /// registered by AddInfrastructure.
    /// </summary>
    public static IServiceCollection AddSourceMonitoring(this IServiceCollection services)
    {
        services.AddOptions<SourceHealthOptions>()
            .BindConfiguration(SourceHealthOptions.Section)
            .Validate(o => o.FailureThreshold >= 1 && o.SilentDays > 0,
                "Polling:FailureThreshold must be at least 1 and Polling:SilentDays positive (environment: Polling__FailureThreshold, Polling__SilentDays).")
            .ValidateOnStart();
        services.TryAddSingleton<SourceHealthTracker>();
        return services;
    }
}
