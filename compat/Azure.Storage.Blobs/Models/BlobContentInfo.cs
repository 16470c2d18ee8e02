namespace Azure.Storage.Blobs.Models;

public class BlobContentInfo
{
    internal BlobContentInfo() { }

    public byte[] ContentHash { get; internal init; }

    public ETag ETag { get; internal init; }

    public DateTimeOffset LastModified { get; internal init; }

    public string VersionId { get; internal init; }
}
