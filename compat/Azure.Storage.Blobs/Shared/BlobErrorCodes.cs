namespace Azure.Storage.Blobs;

/// <summary>The service error codes the clients react to.</summary>
internal static class BlobErrorCodes
{
    public const string ContainerAlreadyExists = "ContainerAlreadyExists";
}
