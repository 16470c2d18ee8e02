using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Infrastructure.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

// In the parent namespace so AddInfrastructure() reaches it without another using.
namespace HealthItFunctions.Infrastructure;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>The live catalog (the one <see cref="ISourceCatalog"/>), the source-state table, and the fallback alert sink.</summary>
    public static IServiceCollection AddSourceAdapters(this IServiceCollection services)
    {
        services.AddOptions<SourceCatalogOptions>()
            .BindConfiguration(SourceCatalogOptions.Section)
            .Validate(o => o.CheckInterval >= TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.Container) && !string.IsNullOrWhiteSpace(o.BlobName),
                "Sources:Container and Sources:BlobName must be set and Sources:CheckInterval must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<BlobSourceCatalog>();
        services.AddSingleton<ISourceCatalog>(sp => sp.GetRequiredService<BlobSourceCatalog>());
        services.AddHostedService<SourceCatalogStartup>();
        services.AddSingleton<BlobExtractionLexicon>();
        services.AddSingleton<IExtractionLexiconSource>(sp => sp.GetRequiredService<BlobExtractionLexicon>());
        services.AddSingleton<ISourceStateStore, TableSourceStateStore>();
        return services;
    }

    /// <summary>
    /// Incidents go to the log unless a real sink (the mailer's) is registered; called last, so any registration
    /// made before it wins.
    /// </summary>
    public static IServiceCollection AddFallbackAlertSink(this IServiceCollection services)
    {
        services.TryAddSingleton<IAlertSink, LoggingAlertSink>();
        return services;
    }
}

/// <summary>Loads the catalog when the host starts, so a deployment with no usable catalog fails at once, not at the first poll.</summary>
internal sealed class SourceCatalogStartup(ISourceCatalog catalog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await catalog.RefreshAsync(cancellationToken);
        _ = catalog.Current;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
