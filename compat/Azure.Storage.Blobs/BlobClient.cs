using Azure.Core;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Azure.Storage.Blobs;

/// <summary>A block blob: uploads, plus everything <see cref="BlobBaseClient"/> offers.</summary>
/// <remarks>Uploads are a single Put Blob, whatever the size (the service accepts up to 5000 MiB in one).</remarks>
public class BlobClient : BlobBaseClient
{
    /// <summary>For mocking.</summary>
    protected BlobClient()
    {
    }

    public BlobClient(string connectionString, string blobContainerName, string blobName)
        : base(connectionString, blobContainerName, blobName)
    {
    }

    public BlobClient(string connectionString, string blobContainerName, string blobName, BlobClientOptions options)
        : base(connectionString, blobContainerName, blobName, options)
    {
    }

    public BlobClient(Uri blobUri, TokenCredential credential, BlobClientOptions options = null)
        : base(blobUri, credential, options)
    {
    }

    public BlobClient(Uri blobUri, StorageSharedKeyCredential credential, BlobClientOptions options = null)
        : base(blobUri, credential, options)
    {
    }

    internal BlobClient(Uri blobUri, StorageClientConfiguration configuration, string blobContainerName, string blobName)
        : base(blobUri, configuration, blobContainerName, blobName)
    {
    }

    public virtual Response<BlobContentInfo> Upload(BinaryData content) =>
        Upload(content, overwrite: false);

    public virtual Response<BlobContentInfo> Upload(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
        UploadInternal(RequestContent.Create(content), options, async: false, cancellationToken).EnsureCompleted();

    public virtual Response<BlobContentInfo> Upload(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        Upload(content, OverwriteOptions(overwrite), cancellationToken);

    public virtual Response<BlobContentInfo> Upload(BinaryData content, CancellationToken cancellationToken) =>
        Upload(content, overwrite: false, cancellationToken);

    public virtual Response<BlobContentInfo> Upload(Stream content) =>
        Upload(content, overwrite: false);

    public virtual Response<BlobContentInfo> Upload(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
        UploadStreamInternal(content, options, async: false, cancellationToken).EnsureCompleted();

    public virtual Response<BlobContentInfo> Upload(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        Upload(content, OverwriteOptions(overwrite), cancellationToken);

    public virtual Response<BlobContentInfo> Upload(Stream content, CancellationToken cancellationToken) =>
        Upload(content, overwrite: false, cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content) =>
        UploadAsync(content, overwrite: false);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
        UploadInternal(RequestContent.Create(content), options, async: true, cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, OverwriteOptions(overwrite), cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, CancellationToken cancellationToken) =>
        UploadAsync(content, overwrite: false, cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content) =>
        UploadAsync(content, overwrite: false);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
        UploadStreamInternal(content, options, async: true, cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, OverwriteOptions(overwrite), cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, CancellationToken cancellationToken) =>
        UploadAsync(content, overwrite: false, cancellationToken);

    /// <summary>Without overwrite, the upload only succeeds if no blob exists (If-None-Match: *), else 409 BlobAlreadyExists.</summary>
    private static BlobUploadOptions OverwriteOptions(bool overwrite) =>
        overwrite ? new BlobUploadOptions() : new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };

    private async Task<Response<BlobContentInfo>> UploadStreamInternal(Stream content, BlobUploadOptions options, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            return await UploadInternal(new CallerStreamContent(content), options, async, cancellationToken).ConfigureAwait(false);
        }

        // Put Blob needs the length up front, and a retry needs the bytes again: buffer a forward-only stream.
        var buffer = new MemoryStream();
        if (async)
        {
            await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            content.CopyTo(buffer);
        }

        return await UploadInternal(RequestContent.Create(buffer.ToArray()), options, async, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Response<BlobContentInfo>> UploadInternal(RequestContent content, BlobUploadOptions options, bool async, CancellationToken cancellationToken)
    {
        using var message = ClientConfiguration.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Content = content;
        message.Request.Headers.SetValue(BlobHeaders.BlobType, "BlockBlob");
        message.Request.Headers.AddBlobHttpHeaders(options?.HttpHeaders);
        message.Request.Headers.AddMetadata(options?.Metadata);
        message.Request.Headers.AddConditions(options?.Conditions);

        var response = await ClientConfiguration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(
            new BlobContentInfo
            {
                ContentHash = response.Headers.GetBase64(BlobHeaders.ContentMD5),
                ETag = response.Headers.ETag ?? default,
                LastModified = response.Headers.GetDateTimeOffset(BlobHeaders.LastModified) ?? default,
                VersionId = response.Headers.GetValueOrDefault(BlobHeaders.VersionId),
            },
            response);
    }
}
