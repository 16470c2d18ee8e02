namespace HealthItFunctions.Core.Articles;

/// <summary>A link whose every delivery failed, recorded from the poison queue.</summary>
public sealed record FetchFailure(string SourceId, string ArticleId, string Url, long Attempts, string Reason, DateTimeOffset At);

/// <summary>
/// Where the source's health reads failed fetches from. A function on the poison queue records each poisoned message,
/// so no code needs to know the host's maxDequeueCount.
/// </summary>
public interface IFetchFailureLog
{
    /// <summary>Upsert by (source, article): a replayed message that fails again replaces its record.</summary>
    Task RecordAsync(FetchFailure failure, CancellationToken cancellationToken);

    Task<IReadOnlyList<FetchFailure>> ListAsync(string sourceId, CancellationToken cancellationToken);
}
