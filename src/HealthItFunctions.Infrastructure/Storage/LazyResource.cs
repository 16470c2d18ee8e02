using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Creates a table, container or queue once per process, on first use: one transaction at start instead of one
/// per operation. A failed creation is retried by the next caller.
/// </summary>
internal sealed class LazyResource<T>(Func<CancellationToken, Task<T>> create) where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _value;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        if (_value is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _value ??= await create(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>The tables, containers and queues the adapters use, each created once per process on first use.</summary>
internal static class StorageResources
{
    public static LazyResource<TableClient> Table(TableServiceClient tables, string name) => new(async ct =>
    {
        var table = tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync(ct);
        return table;
    });

    public static LazyResource<BlobContainerClient> Container(BlobServiceClient blobs, string name) => new(async ct =>
    {
        var container = blobs.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        return container;
    });

    public static LazyResource<QueueClient> Queue(QueueServiceClient queues, string name) => new(async ct =>
    {
        var queue = queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        return queue;
    });
}
