using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Infrastructure.Sources;

/// <summary>
/// One JSON file an operator edits as a blob (sources.json, extraction-lexicon.json), kept in force: the blob is looked
/// at no more than once per check interval, by a conditional GET on its ETag; a changed blob is parsed and goes live;
/// one that fails validation is refused (its file, line and field kept in <see cref="LastRefusal"/>) while the one in
/// force stays; while there is no blob, or nothing else was ever loaded, the shipped file stands in.
/// </summary>
/// <typeparam name="T">What the file parses into.</typeparam>
internal sealed class BlobReloader<T>(BlobReloader<T>.Settings settings, TimeProvider time, ILogger logger)
    where T : class
{
    /// <summary>How one kind of file is found, parsed and replaced.</summary>
    /// <param name="What">How logs name it: "Source catalog".</param>
    /// <param name="Blob">The blob, or null when storage is not configured (the shipped file is then the one).</param>
    /// <param name="BlobPath">"config/sources.json", for messages (read when needed: options bind late).</param>
    /// <param name="CheckInterval">How often the blob is looked at.</param>
    /// <param name="Parse">Parses the blob's text (json, origin, ETag); throws when the file is refused.</param>
    /// <param name="IsRefusal">Whether an exception from <paramref name="Parse"/> is a refusal with file, line and field.</param>
    /// <param name="Shipped">The shipped file and its origin; may throw when there is none.</param>
    /// <param name="Describe">What a loaded value holds, for the log: "12 sources".</param>
    internal sealed record Settings(
        string What,
        Func<BlobClient?> Blob,
        Func<string> BlobPath,
        Func<TimeSpan> CheckInterval,
        Func<string, string, string, T> Parse,
        Func<Exception, bool> IsRefusal,
        Func<(T Value, string Origin)> Shipped,
        Func<T, string> Describe);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile T? _inForce;
    private string? _inForceOrigin;
    private bool _inForceFromBlob;
    private string? _seenETag;
    private DateTimeOffset _nextCheck;

    /// <summary>The value in force; null until the first check, unless one was given to start with.</summary>
    public T? InForce => _inForce;

    /// <summary>Why the last edited blob was refused, until a good one replaces it; null when none was.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>Starts with <paramref name="value"/> in force (the shipped file, loaded at start), the blob still to be looked at.</summary>
    public void Start(T value, string origin)
    {
        _inForce = value;
        _inForceOrigin = origin;
    }

    /// <summary>Looks at the blob when a check is due (or nothing is in force yet), waiting for a check under way.</summary>
    public async ValueTask RefreshAsync(CancellationToken cancellationToken)
    {
        if (_inForce is not null && time.GetUtcNow() < _nextCheck)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_inForce is null || time.GetUtcNow() >= _nextCheck)
            {
                await CheckAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts a due check in the background and returns at once, so a reader on a hot path never waits on storage.</summary>
    public void RefreshInBackground()
    {
        if (time.GetUtcNow() >= _nextCheck && _gate.CurrentCount > 0)
        {
            _ = RefreshAsync(CancellationToken.None).AsTask();
        }
    }

    /// <summary>Looks at the blob now, whatever the interval (tests, operators).</summary>
    public async Task ReloadNowAsync(CancellationToken cancellationToken)
    {
        _nextCheck = DateTimeOffset.MinValue;
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        _nextCheck = time.GetUtcNow() + settings.CheckInterval();
        if (settings.Blob() is not { } blob)
        {
            UseShippedIfNone();
            return;
        }

        try
        {
            var download = await blob.DownloadContentAsync(new BlobDownloadOptions
            {
                Conditions = _seenETag is { } seen ? new BlobRequestConditions { IfNoneMatch = new ETag(seen) } : null,
            }, cancellationToken).ConfigureAwait(false);
            var etag = download.Value.Details.ETag.ToString();
            _seenETag = etag;
            Accept(download.Value.Content.ToString(), etag);
        }
        catch (RequestFailedException e) when (e.Status == 304)
        {
            // Unchanged since we last looked (good or refused): nothing to do.
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No blob, or the operator deleted the edit: the shipped file again.
            _seenETag = null;
            if (_inForce is null || _inForceFromBlob)
            {
                UseShipped();
                BlobReloaderLog.UsingShipped(logger, settings.What, settings.BlobPath(), _inForceOrigin!);
            }
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
        {
            BlobReloaderLog.BlobUnavailable(logger, settings.What, settings.BlobPath(), e.Message);
            UseShippedIfNone();
        }
    }

    private void Accept(string json, string etag)
    {
        var origin = $"blob {settings.BlobPath()}";
        try
        {
            var value = settings.Parse(json, origin, etag);
            (_inForce, _inForceOrigin, _inForceFromBlob) = (value, origin, true);
            LastRefusal = null;
            BlobReloaderLog.Loaded(logger, settings.What, origin, settings.Describe(value), etag);
        }
        catch (Exception e) when (settings.IsRefusal(e))
        {
            LastRefusal = e.Message;
            BlobReloaderLog.Refused(logger, settings.What, e.Message, _inForceOrigin ?? "the shipped file");
            UseShippedIfNone();
        }
    }

    private void UseShippedIfNone()
    {
        if (_inForce is null)
        {
            UseShipped();
        }
    }

    private void UseShipped()
    {
        var (value, origin) = settings.Shipped();
        (_inForce, _inForceOrigin, _inForceFromBlob) = (value, origin, false);
    }
}

/// <summary>The reloader's log lines, shared by every kind of file it keeps.</summary>
internal static partial class BlobReloaderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{What} loaded from {Origin}: {Summary} (ETag {ETag})")]
    public static partial void Loaded(ILogger logger, string what, string origin, string summary, string etag);

    [LoggerMessage(Level = LogLevel.Error, Message = "{What} refused: {Problem}. Still in force: {InForce}")]
    public static partial void Refused(ILogger logger, string what, string problem, string inForce);

    [LoggerMessage(Level = LogLevel.Information, Message = "No blob {BlobPath}: {What} from {Origin}")]
    public static partial void UsingShipped(ILogger logger, string what, string blobPath, string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} blob {BlobPath} unavailable ({Reason}); keeping the one in force")]
    public static partial void BlobUnavailable(ILogger logger, string what, string blobPath, string reason);
}
