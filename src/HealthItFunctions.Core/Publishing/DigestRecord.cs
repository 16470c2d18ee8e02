namespace HealthItFunctions.Core.Publishing;

/// <summary>
/// The daily digest's memory: up to when articles were mailed. A run claims its window by moving
/// <see cref="LastDigestAt"/> forward under the ETag before sending, so of two racing runs only one sends.
/// </summary>
public sealed record DigestRecord
{
    /// <summary>Articles stored up to this instant were in a digest (or in a window some run claimed).</summary>
    public DateTimeOffset? LastDigestAt { get; init; }

    public DateTimeOffset? LastSentAt { get; init; }

    public int LastArticleCount { get; init; }

    public string? LastSendError { get; init; }

    public string? ETag { get; init; }
}

public interface IDigestStateStore
{
    Task<DigestRecord?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Creates (ETag null) or replaces under the ETag; null when another run saved first (409/412).</summary>
    Task<DigestRecord?> TrySaveAsync(DigestRecord record, CancellationToken cancellationToken);
}
