namespace Azure.Storage.Blobs.Models;

public class BlobRequestConditions : BlobLeaseRequestConditions
{
    /// <summary>The active lease on the resource that the request must present (x-ms-lease-id).</summary>
    public string LeaseId { get; set; }
}
