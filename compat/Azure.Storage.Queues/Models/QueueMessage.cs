using System.ComponentModel;

namespace Azure.Storage.Queues.Models;

/// <summary>A received message: invisible to others until <see cref="NextVisibleOn"/>, deletable with <see cref="PopReceipt"/>.</summary>
public class QueueMessage
{
    internal QueueMessage() { }

    /// <summary>The body, decoded per the client's <see cref="QueueMessageEncoding"/>.</summary>
    public BinaryData Body { get; internal init; }

    public long DequeueCount { get; internal init; }

    public DateTimeOffset? ExpiresOn { get; internal init; }

    public DateTimeOffset? InsertedOn { get; internal init; }

    public string MessageId { get; internal init; }

    /// <summary>The body as UTF-8 text.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string MessageText => Body?.ToString();

    public DateTimeOffset? NextVisibleOn { get; internal init; }

    public string PopReceipt { get; internal init; }

    /// <summary>This message as it stands after an update: the new pop receipt and visibility time.</summary>
    public QueueMessage Update(UpdateReceipt updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return new QueueMessage
        {
            Body = Body,
            DequeueCount = DequeueCount,
            ExpiresOn = ExpiresOn,
            InsertedOn = InsertedOn,
            MessageId = MessageId,
            NextVisibleOn = updated.NextVisibleOn,
            PopReceipt = updated.PopReceipt,
        };
    }
}
