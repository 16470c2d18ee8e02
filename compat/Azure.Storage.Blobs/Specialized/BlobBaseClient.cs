using Azure.Core;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Azure.Storage.Blobs.Specialized;

/// <summary>Operations common to every kind of blob: reading content and properties, and signing a SAS for it.</summary>
public class BlobBaseClient
{
    private readonly Uri _uri;
    private readonly StorageClientConfiguration _configuration;
    private readonly string _containerName;
    private readonly string _name;

    /// <summary>For mocking.</summary>
    protected BlobBaseClient()
    {
    }

    public BlobBaseClient(string connectionString, string blobContainerName, string blobName)
        : this(connectionString, blobContainerName, blobName, null)
    {
    }

    public BlobBaseClient(string connectionString, string blobContainerName, string blobName, BlobClientOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        (var serviceUri, _configuration) = BlobClientConfiguration.FromConnectionString(connectionString, options);
        _uri = StorageUris.AppendName(StorageUris.AppendName(serviceUri, blobContainerName), blobName);
        _containerName = blobContainerName;
        _name = blobName;
    }

    public BlobBaseClient(Uri blobUri, TokenCredential credential, BlobClientOptions options = null)
        : this(blobUri, BlobClientConfiguration.FromToken(blobUri, credential, options))
    {
    }

    public BlobBaseClient(Uri blobUri, StorageSharedKeyCredential credential, BlobClientOptions options = null)
        : this(blobUri, BlobClientConfiguration.FromSharedKey(credential, options))
    {
    }

    internal BlobBaseClient(Uri blobUri, StorageClientConfiguration configuration, string blobContainerName, string blobName)
    {
        _uri = blobUri;
        _configuration = configuration;
        _containerName = blobContainerName;
        _name = blobName;
    }

    private BlobBaseClient(Uri blobUri, StorageClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(blobUri);
        _uri = blobUri;
        _configuration = configuration;
        (_containerName, _name) = StorageUris.GetResourceNames(blobUri);
    }

    public virtual string AccountName => _configuration.AccountName;

    public virtual string BlobContainerName => _containerName;

    /// <summary>True when the client signs with an account key, which a service SAS needs.</summary>
    public virtual bool CanGenerateSasUri => _configuration.SharedKeyCredential is not null;

    public virtual string Name => _name;

    public virtual Uri Uri => _uri;

    internal StorageClientConfiguration ClientConfiguration => _configuration;

    public virtual Response<BlobDownloadResult> DownloadContent() =>
        DownloadContent(CancellationToken.None);

    public virtual Response<BlobDownloadResult> DownloadContent(CancellationToken cancellationToken = default) =>
        DownloadContentInternal(async: false, cancellationToken).EnsureCompleted();

    public virtual Task<Response<BlobDownloadResult>> DownloadContentAsync() =>
        DownloadContentAsync(CancellationToken.None);

    public virtual Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken) =>
        DownloadContentInternal(async: true, cancellationToken);

    public virtual Response<bool> Exists(CancellationToken cancellationToken = default) =>
        ExistsInternal(async: false, cancellationToken).EnsureCompleted();

    public virtual Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default) =>
        ExistsInternal(async: true, cancellationToken);

    public virtual Uri GenerateSasUri(BlobSasPermissions permissions, DateTimeOffset expiresOn) =>
        GenerateSasUri(new BlobSasBuilder(permissions, expiresOn));

    /// <summary>
    /// This blob's URI with a service SAS signed by the client's account key. The builder's container and blob
    /// names may be left empty; set, they must name this blob.
    /// </summary>
    public virtual Uri GenerateSasUri(BlobSasBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!CanGenerateSasUri)
        {
            throw new InvalidOperationException(
                "SAS Uri cannot be generated: the client does not sign with a StorageSharedKeyCredential (CanGenerateSasUri is false).");
        }

        var sas = builder.ForBlob(BlobContainerName, Name).ToSasQueryParameters(_configuration.SharedKeyCredential);
        return new UriBuilder(Uri) { Query = sas.ToString() }.Uri;
    }

    public virtual Response<BlobProperties> GetProperties(BlobRequestConditions conditions = null, CancellationToken cancellationToken = default) =>
        GetPropertiesInternal(conditions, async: false, cancellationToken).EnsureCompleted();

    public virtual Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions conditions = null, CancellationToken cancellationToken = default) =>
        GetPropertiesInternal(conditions, async: true, cancellationToken);

    private async Task<Response<BlobDownloadResult>> DownloadContentInternal(bool async, CancellationToken cancellationToken)
    {
        using var message = _configuration.CreateMessage(RequestMethod.Get, Uri);
        var response = await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobDownloadResult(response.Content, BlobDownloadDetails.FromHeaders(response.Headers)), response);
    }

    private async Task<Response<bool>> ExistsInternal(bool async, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await GetPropertiesInternal(null, async, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(true, properties.GetRawResponse());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // BlobNotFound or ContainerNotFound; a HEAD response has no body, so the status is the reliable signal.
            return Response.FromValue(false, e.GetRawResponse());
        }
    }

    private async Task<Response<BlobProperties>> GetPropertiesInternal(BlobRequestConditions conditions, bool async, CancellationToken cancellationToken)
    {
        using var message = _configuration.CreateMessage(RequestMethod.Head, Uri);
        message.Request.Headers.AddConditions(conditions);
        var response = await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobProperties.FromHeaders(response.Headers), response);
    }
}
