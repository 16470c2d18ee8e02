namespace Azure.Storage.Blobs.Models;

public class BlobUploadOptions
{
    /// <summary>Preconditions on the blob being replaced; null overwrites whatever is there.</summary>
    public BlobRequestConditions Conditions { get; set; }

    public BlobHttpHeaders HttpHeaders { get; set; }

    public IDictionary<string, string> Metadata { get; set; }
}
