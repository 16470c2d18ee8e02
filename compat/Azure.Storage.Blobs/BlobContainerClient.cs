using Azure.Core;
using Azure.Storage.Blobs.Models;

namespace Azure.Storage.Blobs;

/// <summary>A blob container: creating it, listing its blobs, and clients for them.</summary>
public class BlobContainerClient
{
    private readonly Uri _uri;
    private readonly StorageClientConfiguration _configuration;
    private readonly string _name;

    /// <summary>For mocking.</summary>
    protected BlobContainerClient()
    {
    }

    public BlobContainerClient(string connectionString, string blobContainerName)
        : this(connectionString, blobContainerName, null)
    {
    }

    public BlobContainerClient(string connectionString, string blobContainerName, BlobClientOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        (var serviceUri, _configuration) = BlobClientConfiguration.FromConnectionString(connectionString, options);
        _uri = StorageUris.AppendName(serviceUri, blobContainerName);
        _name = blobContainerName;
    }

    public BlobContainerClient(Uri blobContainerUri, TokenCredential credential, BlobClientOptions options = null)
        : this(blobContainerUri, BlobClientConfiguration.FromToken(blobContainerUri, credential, options))
    {
    }

    public BlobContainerClient(Uri blobContainerUri, StorageSharedKeyCredential credential, BlobClientOptions options = null)
        : this(blobContainerUri, BlobClientConfiguration.FromSharedKey(credential, options))
    {
    }

    internal BlobContainerClient(Uri blobContainerUri, StorageClientConfiguration configuration, string blobContainerName)
    {
        _uri = blobContainerUri;
        _configuration = configuration;
        _name = blobContainerName;
    }

    private BlobContainerClient(Uri blobContainerUri, StorageClientConfiguration configuration)
        : this(blobContainerUri ?? throw new ArgumentNullException(nameof(blobContainerUri)), configuration, StorageUris.GetResourceNames(blobContainerUri).First)
    {
    }

    public virtual string AccountName => _configuration.AccountName;

    public virtual string Name => _name;

    public virtual Uri Uri => _uri;

    /// <summary>Creates the container; if it already exists, returns null instead of failing.</summary>
    public virtual Response<BlobContainerInfo> CreateIfNotExists(
        PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string> metadata = null,
        BlobContainerEncryptionScopeOptions encryptionScopeOptions = null,
        CancellationToken cancellationToken = default) =>
        CreateIfNotExistsInternal(publicAccessType, metadata, encryptionScopeOptions, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Creates the container; if it already exists, returns null instead of failing.</summary>
    public virtual Task<Response<BlobContainerInfo>> CreateIfNotExistsAsync(
        PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string> metadata = null,
        BlobContainerEncryptionScopeOptions encryptionScopeOptions = null,
        CancellationToken cancellationToken = default) =>
        CreateIfNotExistsInternal(publicAccessType, metadata, encryptionScopeOptions, async: true, cancellationToken);

    public virtual BlobClient GetBlobClient(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return new BlobClient(StorageUris.AppendName(Uri, blobName), _configuration, Name, blobName);
    }

    /// <summary>The container's blobs whose names start with <paramref name="prefix"/>, fetched page by page as enumerated.</summary>
    public virtual Pageable<BlobItem> GetBlobs(
        BlobTraits traits = BlobTraits.None, BlobStates states = BlobStates.None, string prefix = null, CancellationToken cancellationToken = default) =>
        new StoragePageable<BlobItem>(
            (marker, pageSizeHint, async, token) => GetBlobsPageInternal(traits, states, prefix, marker, pageSizeHint, async, token),
            cancellationToken);

    /// <summary>The container's blobs whose names start with <paramref name="prefix"/>, fetched page by page as enumerated.</summary>
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(
        BlobTraits traits = BlobTraits.None, BlobStates states = BlobStates.None, string prefix = null, CancellationToken cancellationToken = default) =>
        new StorageAsyncPageable<BlobItem>(
            (marker, pageSizeHint, async, token) => GetBlobsPageInternal(traits, states, prefix, marker, pageSizeHint, async, token),
            cancellationToken);

    private async Task<Response<BlobContainerInfo>> CreateIfNotExistsInternal(
        PublicAccessType publicAccessType,
        IDictionary<string, string> metadata,
        BlobContainerEncryptionScopeOptions encryptionScopeOptions,
        bool async,
        CancellationToken cancellationToken)
    {
        using var message = _configuration.CreateMessage(RequestMethod.Put, StorageUris.AppendQuery(Uri, ("restype", "container")));
        var headers = message.Request.Headers;
        headers.AddMetadata(metadata);
        if (publicAccessType != PublicAccessType.None)
        {
            headers.SetValue(BlobHeaders.BlobPublicAccess, publicAccessType == PublicAccessType.BlobContainer ? "container" : "blob");
        }

        if (encryptionScopeOptions?.DefaultEncryptionScope is { } scope)
        {
            headers.SetValue(BlobHeaders.DefaultEncryptionScope, scope);
            headers.SetValue(BlobHeaders.DenyEncryptionScopeOverride, encryptionScopeOptions.PreventEncryptionScopeOverride ? "true" : "false");
        }

        try
        {
            var response = await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(
                new BlobContainerInfo(response.Headers.ETag ?? default, response.Headers.GetDateTimeOffset(BlobHeaders.LastModified) ?? default),
                response);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCodes.ContainerAlreadyExists)
        {
            // As the official client: an existing container is no error, and there is no creation to report.
            return null;
        }
    }

    private async Task<Page<BlobItem>> GetBlobsPageInternal(
        BlobTraits traits, BlobStates states, string prefix, string marker, int? pageSizeHint, bool async, CancellationToken cancellationToken)
    {
        var uri = StorageUris.AppendQuery(
            Uri,
            ("restype", "container"),
            ("comp", "list"),
            ("prefix", prefix),
            ("include", BlobListing.GetIncludeParameter(traits, states)),
            ("marker", marker),
            ("maxresults", pageSizeHint?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var message = _configuration.CreateMessage(RequestMethod.Get, uri);
        var response = await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        var (blobs, nextMarker) = BlobListing.Parse(response.Content);
        return Page<BlobItem>.FromValues(blobs, nextMarker, response);
    }
}
