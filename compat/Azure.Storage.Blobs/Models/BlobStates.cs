namespace Azure.Storage.Blobs.Models;

/// <summary>Which blobs a listing returns besides the current, committed ones.</summary>
[Flags]
public enum BlobStates
{
    All = -1,
    None = 0,
    Snapshots = 1,
    Uncommitted = 2,
    Deleted = 4,
    Version = 8,
    DeletedWithVersions = 16,
}
