namespace Azure.Storage.Blobs.Models;

/// <summary>A blob as a container listing returns it.</summary>
public class BlobItem
{
    internal BlobItem() { }

    public bool Deleted { get; internal init; }

    /// <summary>The blob's metadata when listed with <see cref="BlobTraits.Metadata"/>; empty otherwise.</summary>
    public IDictionary<string, string> Metadata { get; internal init; }

    public string Name { get; internal init; }

    public BlobItemProperties Properties { get; internal init; }

    public string Snapshot { get; internal init; }

    public string VersionId { get; internal init; }
}
