using Azure.Core;

namespace Azure.Storage.Queues;

/// <summary>The ways a queue client gets its configuration.</summary>
internal static class QueueClientConfiguration
{
    public static (Uri ServiceUri, StorageClientConfiguration Configuration) FromConnectionString(string connectionString, QueueClientOptions options)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        var serviceUri = parsed.QueueEndpoint;
        return (serviceUri, StorageClientConfiguration.ForConnectionString(parsed, serviceUri, options, options.Version));
    }

    public static StorageClientConfiguration FromSharedKey(StorageSharedKeyCredential credential, QueueClientOptions options) =>
        StorageClientConfiguration.ForSharedKey(options, options.Version, credential);

    public static StorageClientConfiguration FromToken(Uri uri, TokenCredential credential, QueueClientOptions options) =>
        StorageClientConfiguration.ForToken(uri, options, options.Version, credential);
}
