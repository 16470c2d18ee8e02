namespace Azure.Storage.Blobs.Models;

public class BlobContainerInfo
{
    internal BlobContainerInfo(ETag eTag, DateTimeOffset lastModified)
    {
        ETag = eTag;
        LastModified = lastModified;
    }

    public ETag ETag { get; }

    public DateTimeOffset LastModified { get; }
}
