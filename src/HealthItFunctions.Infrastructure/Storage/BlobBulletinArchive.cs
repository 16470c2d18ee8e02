using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthItFunctions.Core.Publishing;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Container <c>bulletins</c>, blobs yyyy/MM/bulletin-NNN-vK-&lt;hash&gt;.{md,html,docx} and yyyy/MM/images/…, each with its
/// content type and metadata. Every name is content-addressed (see BulletinPublisher), which is what makes ignoring a 409 safe.
/// </summary>
internal sealed class BlobBulletinArchive(BlobServiceClient blobs) : IBulletinArchive
{
    private readonly LazyResource<BlobContainerClient> _container = StorageResources.Container(blobs, StorageNames.BulletinsContainer);

    public async Task WriteAsync(string blobName, byte[] content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync(cancellationToken);
        try
        {
            await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = metadata.ToDictionary(),
                // A name carries the hash of its words: an existing blob is a crashed run's copy of these same words.
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    public async Task<byte[]?> ReadAsync(string blobName, CancellationToken cancellationToken)
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
