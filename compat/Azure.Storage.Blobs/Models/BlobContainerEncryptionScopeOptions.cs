namespace Azure.Storage.Blobs.Models;

public class BlobContainerEncryptionScopeOptions
{
    public string DefaultEncryptionScope { get; set; }

    public bool PreventEncryptionScopeOverride { get; set; }
}
