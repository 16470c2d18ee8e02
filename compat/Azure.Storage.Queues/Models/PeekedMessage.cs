using System.ComponentModel;

namespace Azure.Storage.Queues.Models;

/// <summary>A message seen without receiving it: its visibility is unchanged and it cannot be deleted from here.</summary>
public class PeekedMessage
{
    internal PeekedMessage() { }

    /// <summary>The body, decoded per the client's <see cref="QueueMessageEncoding"/>.</summary>
    public BinaryData Body { get; internal init; }

    public long DequeueCount { get; internal init; }

    public DateTimeOffset? ExpiresOn { get; internal init; }

    public DateTimeOffset? InsertedOn { get; internal init; }

    public string MessageId { get; internal init; }

    /// <summary>The body as UTF-8 text.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string MessageText => Body?.ToString();
}
