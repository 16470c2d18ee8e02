namespace HealthItFunctions.Core.Articles;

/// <summary>A link whose every delivery failed to fetch, recorded when the last one fails, before the message goes to poison.</summary>
public sealed record FetchFailure(string SourceId, string ArticleId, string Url, long Attempts, string Reason, DateTimeOffset At);

/// <summary>
/// Where the source's health reads failed fetches from. The ingestor records on the last delivery because the host
/// moves the message to poison without telling the function, and the poison message carries no reason.
/// </summary>
public interface IFetchFailureLog
{
    /// <summary>Upsert by (source, article): a replayed message that fails again replaces its record.</summary>
    Task RecordAsync(FetchFailure failure, CancellationToken cancellationToken);

    Task<IReadOnlyList<FetchFailure>> ListAsync(string sourceId, CancellationToken cancellationToken);
}

/// <summary>Which delivery of a queue message this is: the host's dequeue count and host.json's maxDequeueCount.</summary>
public readonly record struct DeliveryAttempt(long Count, int MaxCount)
{
    public bool IsLast => Count >= MaxCount;
}
