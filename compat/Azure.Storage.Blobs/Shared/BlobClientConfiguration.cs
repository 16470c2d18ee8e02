using Azure.Core;

namespace Azure.Storage.Blobs;

/// <summary>The ways a root blob client gets its configuration; the clients it hands out share it.</summary>
internal static class BlobClientConfiguration
{
    public static (Uri ServiceUri, StorageClientConfiguration Configuration) FromConnectionString(string connectionString, BlobClientOptions options)
    {
        options ??= new BlobClientOptions();
        var parsed = StorageConnectionString.Parse(connectionString);
        var serviceUri = parsed.BlobEndpoint;
        return (serviceUri, StorageClientConfiguration.ForConnectionString(parsed, serviceUri, options, options.Version));
    }

    public static StorageClientConfiguration FromSharedKey(StorageSharedKeyCredential credential, BlobClientOptions options)
    {
        options ??= new BlobClientOptions();
        return StorageClientConfiguration.ForSharedKey(options, options.Version, credential);
    }

    public static StorageClientConfiguration FromToken(Uri uri, TokenCredential credential, BlobClientOptions options)
    {
        options ??= new BlobClientOptions();
        return StorageClientConfiguration.ForToken(uri, options, options.Version, credential);
    }
}
