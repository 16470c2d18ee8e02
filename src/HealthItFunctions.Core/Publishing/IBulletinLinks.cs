namespace HealthItFunctions.Core.Publishing;

/// <summary>
/// Read-only links to archived bulletin blobs, for the mail. In Azure the app has an identity and no account key,
/// so the link is a user-delegation SAS; locally (a connection string with a key) it is a service SAS.
/// </summary>
public interface IBulletinLinks
{
    /// <summary>A URL that reads <paramref name="blobName"/> (in the bulletins container) until <paramref name="lifetime"/> has passed.</summary>
    Task<Uri> CreateReadLinkAsync(string blobName, TimeSpan lifetime, CancellationToken cancellationToken);
}
