namespace HealthItFunctions.Core.Review;

/// <summary>The audit trail of editors' changes, per article, newest first.</summary>
public interface IReviewHistory
{
    Task RecordAsync(ReviewHistoryEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewHistoryEntry>> ListAsync(string articleId, CancellationToken cancellationToken);
}
