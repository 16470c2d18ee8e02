using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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
public sealed partial class BlobSourceCatalog(
    IServiceProvider services,
    IOptions<SourceCatalogOptions> options,
    IOptions<ExtractionOptions> extraction,
    TimeProvider time,
    ILogger<BlobSourceCatalog> logger) : ISourceCatalog
{
    private const string SeedsFileName = "sources.json";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile LoadedCatalog? _loaded;
    private string? _seenBlobETag;
    private DateTimeOffset _nextCheck;

    public SourceCatalog Current => InForce.Catalog;

    /// <summary>The catalog in force; the first use loads it, and throws when no catalog can be loaded.</summary>
    public LoadedCatalog InForce => _loaded ?? LoadFirst();

    /// <summary>Why the last edited blob was refused, until a good one replaces it; null when none was.</summary>
    public string? LastRefusal { get; private set; }

    public SourceCatalogStatus Status
    {
        get
        {
            var inForce = InForce;
            return new(inForce.Origin, inForce.Catalog.Sources.Count, inForce.LoadedAt, LastRefusal);
        }
    }

    public string BlobPath => $"{options.Value.Container}/{options.Value.BlobName}";

    public async ValueTask RefreshAsync(CancellationToken cancellationToken)
    {
        if (_loaded is not null && time.GetUtcNow() < _nextCheck)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded is null || time.GetUtcNow() >= _nextCheck)
            {
                await CheckAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Looks at the blob now, whatever the interval (tests, `healthit sources check`).</summary>
    public async Task ReloadNowAsync(CancellationToken cancellationToken)
    {
        _nextCheck = DateTimeOffset.MinValue;
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    private LoadedCatalog LoadFirst()
    {
        // Only at start-up (or the CLI's first use): no synchronization context here, so blocking cannot deadlock.
        RefreshAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return _loaded ?? throw new InvalidOperationException("No source catalog loaded.");
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        _nextCheck = time.GetUtcNow() + options.Value.CheckInterval;
        if (Blob() is not { } blob)
        {
            _loaded ??= LoadFile();
            return;
        }

        try
        {
            var download = await blob.DownloadContentAsync(new BlobDownloadOptions
            {
                Conditions = _seenBlobETag is { } seen ? new BlobRequestConditions { IfNoneMatch = new ETag(seen) } : null,
            }, cancellationToken).ConfigureAwait(false);
            var etag = download.Value.Details.ETag.ToString();
            _seenBlobETag = etag;
            Accept(download.Value.Content.ToString(), etag);
        }
        catch (RequestFailedException e) when (e.Status == 304)
        {
            // Unchanged since we last looked (good or refused): nothing to do.
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            if (_loaded is null || _loaded.BlobETag is not null)
            {
                _seenBlobETag = null;
                _loaded = LoadFile();
                LogUsingFile(BlobPath, _loaded.Origin);
            }
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
        {
            LogBlobUnavailable(BlobPath, e.Message);
            _loaded ??= LoadFile();
        }
    }

    private void Accept(string json, string etag)
    {
        var origin = $"blob {BlobPath}";
        try
        {
            var catalog = SourceCatalogLoader.Parse(json, origin);
            _loaded = new LoadedCatalog(catalog, origin, etag, time.GetUtcNow());
            LastRefusal = null;
            LogLoaded(origin, catalog.Sources.Count, etag);
        }
        catch (SourceCatalogException e)
        {
            LastRefusal = e.Message;
            LogRefused(e.Message, _loaded?.Origin ?? "the shipped file");
            _loaded ??= LoadFile();
        }
    }

    private LoadedCatalog LoadFile()
    {
        if (SeedFiles.Locate(SeedsFileName, extraction.Value.SourcesPath) is not { } path)
        {
            throw new InvalidOperationException(
                $"No source catalog: blob {BlobPath} is missing or refused and no seeds/{SeedsFileName} was found. " +
                $"Upload a valid sources.json to {BlobPath} or set Extraction:SourcesPath (environment: Extraction__SourcesPath).");
        }

        return new LoadedCatalog(SourceCatalogLoader.Load(path), path, null, time.GetUtcNow());
    }

    /// <summary>Null when storage is not configured (e.g. `healthit extract` offline): the shipped file is then the catalog.</summary>
    private BlobClient? Blob()
    {
        try
        {
            return services.GetRequiredService<BlobServiceClient>()
                .GetBlobContainerClient(options.Value.Container)
                .GetBlobClient(options.Value.BlobName);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source catalog loaded from {Origin}: {Count} sources (ETag {ETag})")]
    private partial void LogLoaded(string origin, int count, string etag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source catalog refused: {Problem}. Still in force: {InForce}")]
    private partial void LogRefused(string problem, string inForce);

    [LoggerMessage(Level = LogLevel.Information, Message = "No blob {BlobPath}: sources from {Path}")]
    private partial void LogUsingFile(string blobPath, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source catalog blob {BlobPath} unavailable ({Reason}); keeping the catalog in force")]
    private partial void LogBlobUnavailable(string blobPath, string reason);
}
