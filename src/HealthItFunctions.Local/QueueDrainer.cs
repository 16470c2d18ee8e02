using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using HealthItFunctions.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Local;

/// <summary>
/// Runs a queue to empty with the host's semantics: a batch at a time, a failed message becomes visible again
/// after the visibility timeout, and after maxDequeueCount attempts it moves to &lt;queue&gt;-poison.
/// `healthit process` and the demo use it; `healthit serve` hosts the WebJobs listener instead.
/// </summary>
public sealed class QueueDrainer(QueueServiceClient queues, QueueHostSettings settings, ILogger<QueueDrainer> logger)
{
    /// <returns>How many messages were handled successfully, and how many went to poison.</returns>
    public async Task<(int Succeeded, int Poisoned)> DrainAsync(string queueName, Func<string, CancellationToken, Task> handle, TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        int succeeded = 0, poisoned = 0;
        while (true)
        {
            QueueMessage[] batch = await queue.ReceiveMessagesAsync(Math.Min(settings.BatchSize, 32), retryDelay, cancellationToken);
            if (batch.Length == 0)
            {
                // Messages that failed are invisible for retryDelay; empty means none are waiting either.
                var properties = await queue.GetPropertiesAsync(cancellationToken);
                if (properties.Value.ApproximateMessagesCount == 0)
                {
                    return (succeeded, poisoned);
                }

                await Task.Delay(retryDelay / 2, cancellationToken);
                continue;
            }

            foreach (var message in batch)
            {
                var text = message.Body.ToString();
                try
                {
                    await handle(text, cancellationToken);
                    succeeded++;
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException && message.DequeueCount >= settings.MaxDequeueCount)
                {
                    logger.LogWarning("{Queue}: message {Id} failed {Count} times, moved to poison: {Error}", queueName, message.MessageId, message.DequeueCount, e.Message);
                    var poison = queues.GetQueueClient(QueueOptions.PoisonNameOf(queueName));
                    await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                    await poison.SendMessageAsync(text, cancellationToken);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    poisoned++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Left in the queue: it reappears after retryDelay, as the host's visibility timeout would.
                    logger.LogInformation("{Queue}: message {Id} failed (attempt {Count}), will retry: {Error}", queueName, message.MessageId, message.DequeueCount, e.Message);
                }
            }
        }
    }
}
