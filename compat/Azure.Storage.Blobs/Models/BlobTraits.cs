namespace Azure.Storage.Blobs.Models;

/// <summary>What a listing returns besides each blob's name and properties.</summary>
[Flags]
public enum BlobTraits
{
    All = -1,
    None = 0,
    CopyStatus = 1,
    Metadata = 2,
    Tags = 4,
    ImmutabilityPolicy = 8,
    LegalHold = 16,
}
