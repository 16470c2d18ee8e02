namespace Azure.Storage.Blobs.Models;

public enum PublicAccessType
{
    None = 0,
    BlobContainer = 1,
    Blob = 2,
}
