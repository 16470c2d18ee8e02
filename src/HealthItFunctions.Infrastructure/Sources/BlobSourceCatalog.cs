using Azure.Storage.Blobs;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Seeds;
using HealthItFunctions.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Sources;

/// <summary>A catalog in force, and where it came from.</summary>
public sealed record LoadedCatalog(SourceCatalog Catalog, string Origin, string? BlobETag, DateTimeOffset LoadedAt);

/// <summary>
/// Sources as live data: the blob config/sources.json, reloaded when its ETag changes (looked at no more than once per
/// Sources:CheckInterval, by a conditional GET), falling back to the shipped seeds/sources.json while there is no blob.
/// A file that fails validation is refused with its line and field and the catalog in force stays; start-up fails only
/// when neither the blob nor the shipped file gives a catalog.
/// </summary>
public sealed class BlobSourceCatalog : ISourceCatalog
{
    private const string SeedsFileName = "sources.json";
    private readonly IServiceProvider _services;
    private readonly IOptions<SourceCatalogOptions> _options;
    private readonly IOptions<ExtractionOptions> _extraction;
    private readonly TimeProvider _time;
    private readonly BlobReloader<LoadedCatalog> _reloader;

    public BlobSourceCatalog(
        IServiceProvider services,
        IOptions<SourceCatalogOptions> options,
        IOptions<ExtractionOptions> extraction,
        TimeProvider time,
        ILogger<BlobSourceCatalog> logger)
    {
        (_services, _options, _extraction, _time) = (services, options, extraction, time);
        _reloader = new BlobReloader<LoadedCatalog>(
            new("Source catalog", Blob, () => BlobPath, () => options.Value.CheckInterval,
                (json, origin, etag) => new LoadedCatalog(SourceCatalogLoader.Parse(json, origin), origin, etag, time.GetUtcNow()),
                e => e is SourceCatalogException,
                () =>
                {
                    var file = LoadFile();
                    return (file, file.Origin);
                },
                loaded => $"{loaded.Catalog.Sources.Count} sources"),
            time,
            logger);
    }

    public SourceCatalog Current => InForce.Catalog;

    /// <summary>The catalog in force; the first use loads it, and throws when no catalog can be loaded.</summary>
    public LoadedCatalog InForce => _reloader.InForce ?? LoadFirst();

    /// <summary>Why the last edited blob was refused, until a good one replaces it; null when none was.</summary>
    public string? LastRefusal => _reloader.LastRefusal;

    public SourceCatalogStatus Status
    {
        get
        {
            var inForce = InForce;
            return new(inForce.Origin, inForce.Catalog.Sources.Count, inForce.LoadedAt, LastRefusal);
        }
    }

    public string BlobPath => $"{_options.Value.Container}/{_options.Value.BlobName}";

    public ValueTask RefreshAsync(CancellationToken cancellationToken) => _reloader.RefreshAsync(cancellationToken);

    /// <summary>Looks at the blob now, whatever the interval (tests, `healthit sources check`).</summary>
    public Task ReloadNowAsync(CancellationToken cancellationToken) => _reloader.ReloadNowAsync(cancellationToken);

    private LoadedCatalog LoadFirst()
    {
        // Only at start-up (or the CLI's first use): no synchronization context here, so blocking cannot deadlock.
        RefreshAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return _reloader.InForce ?? throw new InvalidOperationException("No source catalog loaded.");
    }

    private LoadedCatalog LoadFile()
    {
        if (SeedFiles.Locate(SeedsFileName, _extraction.Value.SourcesPath) is not { } path)
        {
            throw new InvalidOperationException(
                $"No source catalog: blob {BlobPath} is missing or refused and no seeds/{SeedsFileName} was found. " +
                $"Upload a valid sources.json to {BlobPath} or set Extraction:SourcesPath (environment: Extraction__SourcesPath).");
        }

        return new LoadedCatalog(SourceCatalogLoader.Load(path), path, null, _time.GetUtcNow());
    }

    /// <summary>Null when storage is not configured (e.g. `healthit extract` offline): the shipped file is then the catalog.</summary>
    private BlobClient? Blob()
    {
        try
        {
            return _services.GetRequiredService<BlobServiceClient>()
                .GetBlobContainerClient(_options.Value.Container)
                .GetBlobClient(_options.Value.BlobName);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
