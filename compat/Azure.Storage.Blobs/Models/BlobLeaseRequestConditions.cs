namespace Azure.Storage.Blobs.Models;

public class BlobLeaseRequestConditions : RequestConditions
{
    /// <summary>A SQL-like expression on the blob's tags that must hold (x-ms-if-tags).</summary>
    public string TagConditions { get; set; }
}
