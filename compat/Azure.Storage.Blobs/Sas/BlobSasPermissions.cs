namespace Azure.Storage.Sas;

[Flags]
public enum BlobSasPermissions
{
    All = -1,
    Read = 1,
    Add = 2,
    Create = 4,
    Write = 8,
    Delete = 16,
    Tag = 32,
    DeleteBlobVersion = 64,
    List = 128,
    Move = 256,
    Execute = 512,
    SetImmutabilityPolicy = 1024,
    PermanentDelete = 2048,
}
