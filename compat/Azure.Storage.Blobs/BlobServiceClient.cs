using Azure.Core;

namespace Azure.Storage.Blobs;

/// <summary>The account's Blob service: the root that hands out container clients sharing its pipeline.</summary>
public class BlobServiceClient
{
    private readonly Uri _uri;
    private readonly StorageClientConfiguration _configuration;

    /// <summary>For mocking.</summary>
    protected BlobServiceClient()
    {
    }

    public BlobServiceClient(string connectionString)
        : this(connectionString, null)
    {
    }

    public BlobServiceClient(string connectionString, BlobClientOptions options)
    {
        (_uri, _configuration) = BlobClientConfiguration.FromConnectionString(connectionString, options);
    }

    public BlobServiceClient(Uri serviceUri, TokenCredential credential, BlobClientOptions options = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        _uri = serviceUri;
        _configuration = BlobClientConfiguration.FromToken(serviceUri, credential, options);
    }

    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, BlobClientOptions options = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        _uri = serviceUri;
        _configuration = BlobClientConfiguration.FromSharedKey(credential, options);
    }

    public virtual string AccountName => _configuration.AccountName;

    public virtual Uri Uri => _uri;

    public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        return new BlobContainerClient(StorageUris.AppendName(Uri, blobContainerName), _configuration, blobContainerName);
    }
}
