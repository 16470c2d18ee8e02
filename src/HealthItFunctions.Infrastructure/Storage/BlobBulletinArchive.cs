using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthItFunctions.Core.Publishing;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>Container <c>bulletins</c>, blobs yyyy/MM/bulletin-NNN-vK.{md,html,docx}, each with its content type and metadata.</summary>
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
                // An archived version never changes: a re-run after a crash finds it written.
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
