using HealthItFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Core.Pipeline;

/// <summary>
/// The first step of every queue handler: decode and validate. A malformed message is logged with the reason and
/// moved to poison at once, because retrying it can never succeed.
/// </summary>
public sealed class MessageIntake(IWorkQueue queue, ILogger<MessageIntake> logger)
{
    public async Task<TMessage?> AcceptAsync<TMessage>(string raw, CancellationToken cancellationToken) where TMessage : class, IQueueMessage
    {
        if (QueueMessageCodec.TryDecode<TMessage>(raw, out var message, out var problem))
        {
            return message;
        }

        await RejectAsync<TMessage>(raw, problem, cancellationToken);
        return null;
    }

    public async Task RejectAsync<TMessage>(string raw, string problem, CancellationToken cancellationToken) where TMessage : IQueueMessage
    {
        logger.LogWarning("Malformed {MessageType} moved to poison: {Problem}", typeof(TMessage).Name, problem);
        await queue.SendToPoisonAsync<TMessage>(raw, problem, cancellationToken);
        HealthItTelemetry.MessagesPoisoned.Add(1, new("message", typeof(TMessage).Name), new("reason", "malformed"));
    }
}
