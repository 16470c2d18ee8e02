namespace Azure.Storage.Queues.Models;

public class SendReceipt
{
    internal SendReceipt() { }

    public DateTimeOffset ExpirationTime { get; internal init; }

    public DateTimeOffset InsertionTime { get; internal init; }

    public string MessageId { get; internal init; }

    /// <summary>Lets the sender update or delete the message until it is received by someone else.</summary>
    public string PopReceipt { get; internal init; }

    public DateTimeOffset TimeNextVisible { get; internal init; }
}
