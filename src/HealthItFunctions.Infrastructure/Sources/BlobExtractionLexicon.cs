using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Lexicon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Sources;

/// <summary>
/// The extraction lexicon as live data, the way <see cref="BlobSourceCatalog"/> keeps sources.json: the blob
/// config/extraction-lexicon.json (beside sources.json, same check interval) is reloaded when its ETag changes, the
/// shipped seeds/extraction-lexicon.json stands in while there is none, and an edit that fails validation is refused
/// with its file, line and field while the lexicon in force stays. Reading <see cref="Current"/> when a check is due
/// starts one in the background, so extraction never waits on storage.
/// </summary>
public sealed partial class BlobExtractionLexicon(
    IServiceProvider services,
    IOptions<SourceCatalogOptions> options,
    ExtractionVocabulary shipped,
    TimeProvider time,
    ILogger<BlobExtractionLexicon> logger) : IExtractionLexiconSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ExtractionVocabulary _shipped = shipped;
    private volatile ExtractionVocabulary _current = shipped;
    private string? _seenETag;
    private DateTimeOffset _nextCheck;

    public ExtractionVocabulary Current
    {
        get
        {
            if (time.GetUtcNow() >= _nextCheck && _gate.CurrentCount > 0)
            {
                _ = RefreshAsync(CancellationToken.None).AsTask();
            }

            return _current;
        }
    }

    /// <summary>Why the last edited blob was refused, until a good one replaces it; null when none was.</summary>
    public string? LastRefusal { get; private set; }

    public string BlobPath => $"{options.Value.Container}/{ExtractionLexiconLoader.FileName}";

    public async ValueTask RefreshAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < _nextCheck || !await _gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Looks at the blob now, whatever the interval (tests, operators).</summary>
    public async Task ReloadNowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        _nextCheck = time.GetUtcNow() + options.Value.CheckInterval;
        if (Blob() is not { } blob)
        {
            return;
        }

        try
        {
            var download = await blob.DownloadContentAsync(new BlobDownloadOptions
            {
                Conditions = _seenETag is { } seen ? new BlobRequestConditions { IfNoneMatch = new ETag(seen) } : null,
            }, cancellationToken).ConfigureAwait(false);
            _seenETag = download.Value.Details.ETag.ToString();
            Accept(download.Value.Content.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 304)
        {
            // Unchanged since we last looked (good or refused).
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            if (_seenETag is not null)
            {
                // The operator deleted the edit: back to the shipped lexicon.
                _seenETag = null;
                _current = _shipped;
            }
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
        {
            LogBlobUnavailable(BlobPath, e.Message);
        }
    }

    private void Accept(string json)
    {
        var origin = $"blob {BlobPath}";
        try
        {
            _current = new ExtractionVocabulary(ExtractionLexiconLoader.Parse(json, origin));
            LastRefusal = null;
            LogLoaded(origin);
        }
        catch (ExtractionLexiconException e)
        {
            LastRefusal = e.Message;
            LogRefused(e.Message);
        }
    }

    /// <summary>Null when storage is not configured (e.g. `healthit extract` offline): the shipped lexicon is then the one.</summary>
    private BlobClient? Blob()
    {
        try
        {
            return services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.Value.Container).GetBlobClient(ExtractionLexiconLoader.FileName);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Extraction lexicon loaded from {Origin}")]
    private partial void LogLoaded(string origin);

    [LoggerMessage(Level = LogLevel.Error, Message = "Extraction lexicon refused: {Problem}. The lexicon in force stays.")]
    private partial void LogRefused(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extraction lexicon blob {BlobPath} unavailable ({Reason}); keeping the lexicon in force")]
    private partial void LogBlobUnavailable(string blobPath, string reason);
}
