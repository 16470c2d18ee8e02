using System.Text.Json;
using Azure.Storage.Queues;
using HealthItFunctions.Core.Pipeline;

namespace HealthItFunctions.Local;

/// <summary>A message in a poison queue: the original text, and why it is there.</summary>
public sealed record PoisonMessage(string Queue, string MessageId, long DequeueCount, DateTimeOffset? InsertedOn, string Message, string Reason);

/// <summary>
/// `healthit poison list|replay`. Two writers fill &lt;queue&gt;-poison: the product itself, which moves a malformed
/// message at once as JSON {reason, message}, and the queue listener (Functions host or serve), which moves a message
/// that failed maxDequeueCount times as its raw text.
/// </summary>
public sealed class PoisonQueues(QueueServiceClient queues)
{
    public const string ListenerReason = "failed maxDequeueCount times; the queue listener moved it (see the logs of those attempts)";

    /// <summary>Up to 32 messages, peeked: listing changes nothing, not even the dequeue count.</summary>
    public async Task<(IReadOnlyList<PoisonMessage> Messages, int Approximate)> ListAsync(string queue, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueueClient(QueueOptions.PoisonNameOf(queue));
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return ([], 0);
        }

        var properties = await poison.GetPropertiesAsync(cancellationToken);
        var peeked = await poison.PeekMessagesAsync(32, cancellationToken);
        var messages = peeked.Value
            .Select(m => Describe(queue, m.MessageId, m.DequeueCount, m.InsertedOn, m.Body.ToString()))
            .ToList();
        return (messages, properties.Value.ApproximateMessagesCount);
    }

    /// <summary>The texts of up to 32 messages of any queue, peeked (invisible ones, being processed, are not seen).</summary>
    public async Task<(IReadOnlyList<string> Texts, int Approximate)> PeekAsync(string queueName, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(queueName);
        if (!await queue.ExistsAsync(cancellationToken))
        {
            return ([], 0);
        }

        var properties = await queue.GetPropertiesAsync(cancellationToken);
        var peeked = await queue.PeekMessagesAsync(32, cancellationToken);
        return (peeked.Value.Select(m => m.Body.ToString()).ToList(), properties.Value.ApproximateMessagesCount);
    }

    /// <summary>Moves every poison message back to <paramref name="queue"/> as its original text; returns how many moved.</summary>
    public async Task<int> ReplayAsync(string queue, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueueClient(QueueOptions.PoisonNameOf(queue));
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var target = queues.GetQueueClient(queue);
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var moved = 0;
        while (true)
        {
            // Hidden long enough to copy the batch; a crash mid-way leaves the rest in poison to replay again.
            var batch = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60), cancellationToken)).Value;
            if (batch.Length == 0)
            {
                return moved;
            }

            foreach (var message in batch)
            {
                var described = Describe(queue, message.MessageId, message.DequeueCount, message.InsertedOn, message.Body.ToString());
                await target.SendMessageAsync(described.Message, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
    }

    /// <summary>Unwraps the product's {reason, message} envelope; anything else is the listener's raw copy.</summary>
    public static PoisonMessage Describe(string queue, string id, long dequeueCount, DateTimeOffset? insertedOn, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                && root.EnumerateObject().Count() == 2)
            {
                return new PoisonMessage(queue, id, dequeueCount, insertedOn, message.GetString()!, "malformed: " + reason.GetString());
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: certainly not our envelope.
        }

        return new PoisonMessage(queue, id, dequeueCount, insertedOn, body, ListenerReason);
    }
}
