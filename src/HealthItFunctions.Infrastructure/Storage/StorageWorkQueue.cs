using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using HealthItFunctions.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>The work queues in Queue Storage, base64-encoded as the Functions queue trigger reads them.</summary>
internal sealed class StorageWorkQueue(QueueServiceClient queues, IOptions<QueueOptions> options) : IWorkQueue
{
    private readonly ConcurrentDictionary<string, LazyResource<QueueClient>> _clients = new();

    public async Task SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken) where TMessage : IQueueMessage
    {
        var queue = await QueueAsync(options.Value.NameFor<TMessage>(), cancellationToken);
        await queue.SendMessageAsync(QueueMessageCodec.Encode(message), cancellationToken);
    }

    public async Task SendToPoisonAsync<TMessage>(string rawMessage, string reason, CancellationToken cancellationToken) where TMessage : IQueueMessage
    {
        var queue = await QueueAsync(QueueOptions.PoisonNameOf(options.Value.NameFor<TMessage>()), cancellationToken);
        // The original text stays intact and replayable; the reason travels beside it.
        await queue.SendMessageAsync(JsonSerializer.Serialize(new { reason, message = rawMessage }), cancellationToken);
    }

    internal ValueTask<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) =>
        _clients.GetOrAdd(name, n => StorageResources.Queue(queues, n)).GetAsync(cancellationToken);
}
