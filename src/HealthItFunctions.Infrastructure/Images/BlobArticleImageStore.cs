using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthItFunctions.Core.Images;
using HealthItFunctions.Infrastructure.Storage;

namespace HealthItFunctions.Infrastructure.Images;

/// <summary>Container <c>article-images</c>, blobs &lt;articleId&gt;/&lt;index&gt;-&lt;hash&gt;.{png,jpg}: written once, read at month end.</summary>
internal sealed class BlobArticleImageStore(BlobServiceClient blobs) : IArticleImageStore
{
    private readonly LazyResource<BlobContainerClient> _container = StorageResources.Container(blobs, StorageNames.ArticleImagesContainer);

    public async Task PutAsync(string blobName, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync(cancellationToken);
        try
        {
            await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=31536000, immutable" },
                // The name carries the bytes' hash: a redelivery finds the blob written and leaves it.
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    public async Task<byte[]?> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync(cancellationToken);
        try
        {
            return (await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
