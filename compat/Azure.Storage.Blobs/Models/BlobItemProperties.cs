namespace Azure.Storage.Blobs.Models;

/// <summary>A listed blob's properties; each is null when the listing did not include it.</summary>
public class BlobItemProperties
{
    internal BlobItemProperties() { }

    public string CacheControl { get; internal init; }

    public string ContentDisposition { get; internal init; }

    public string ContentEncoding { get; internal init; }

    public byte[] ContentHash { get; internal init; }

    public string ContentLanguage { get; internal init; }

    public long? ContentLength { get; internal init; }

    public string ContentType { get; internal init; }

    public DateTimeOffset? CreatedOn { get; internal init; }

    public ETag? ETag { get; internal init; }

    public DateTimeOffset? LastModified { get; internal init; }
}
