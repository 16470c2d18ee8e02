namespace Azure.Storage.Queues.Models;

public class UpdateReceipt
{
    internal UpdateReceipt() { }

    public DateTimeOffset NextVisibleOn { get; internal init; }

    /// <summary>Replaces the message's previous pop receipt, which is no longer valid.</summary>
    public string PopReceipt { get; internal init; }
}
