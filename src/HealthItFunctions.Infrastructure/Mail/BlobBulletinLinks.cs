using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Infrastructure.Storage;

namespace HealthItFunctions.Infrastructure.Mail;

/// <summary>
/// Read-only SAS links to archived bulletins. With an account key (a connection string: Azurite, local runs) the
/// client signs a service SAS itself. In Azure there is no key (shared keys are off), so the link is a
/// user-delegation SAS: signed with a key the identity obtains from the Blob service (needs a Storage Blob Data
/// role, which the app's identity has) and revoked with that identity's access.
/// </summary>
internal sealed class BlobBulletinLinks(BlobServiceClient blobs, TimeProvider clock) : IBulletinLinks
{
    // Clock skew between this host and the storage service must not make a fresh link "not yet valid".
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public async Task<Uri> CreateReadLinkAsync(string blobName, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(BulletinsContainer).GetBlobClient(blobName);
        var now = clock.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - Skew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };

        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await blobs.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(now + lifetime) { StartsOn = now - Skew }, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, blobs.AccountName) }.ToUri();
    }

    private static string BulletinsContainer => StorageNames.BulletinsContainer;
}
