namespace HealthItFunctions.Core.Pipeline;

/// <summary>The two work queues between the functions. Names come from <see cref="QueueOptions"/>.</summary>
public interface IWorkQueue
{
    Task SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken) where TMessage : IQueueMessage;

    /// <summary>Moves a message that can never succeed straight to the queue's poison queue, with the reason beside it.</summary>
    Task SendToPoisonAsync<TMessage>(string rawMessage, string reason, CancellationToken cancellationToken) where TMessage : IQueueMessage;
}

public sealed class QueueOptions
{
    public const string Section = "Queues";

    public string SourcePolls { get; set; } = "source-polls";

    public string ArticleFetch { get; set; } = "article-fetch";

    public string NameFor<TMessage>() where TMessage : IQueueMessage =>
        typeof(TMessage) == typeof(SourcePollMessage) ? SourcePolls
        : typeof(TMessage) == typeof(ArticleFetchMessage) ? ArticleFetch
        : throw new ArgumentException($"No queue is configured for {typeof(TMessage).Name}.");

    /// <summary>The Functions host's convention, which `healthit poison` and the host both use.</summary>
    public static string PoisonNameOf(string queue) => queue + "-poison";
}
