using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Publishing;

/// <summary>One archived version of a month's bulletin: its blobs and the hash that tells whether content changed.</summary>
public sealed record BulletinVersion(int Version, string ContentHash, int ArticleCount, IReadOnlyList<string> BlobNames, DateTimeOffset CreatedAt);

/// <summary>
/// The month's publishing state. Mail is claimed here under the record's ETag before it is sent, so two racing
/// month-end runs send one mail per version.
/// </summary>
public sealed record BulletinRecord
{
    public required BulletinMonth Month { get; init; }

    public required int IssueNumber { get; init; }

    public IReadOnlyList<BulletinVersion> Versions { get; init; } = [];

    /// <summary>The highest version mailed to the editors; 0 when none was.</summary>
    public int SentVersion { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>A version being sent right now by some run, and since when.</summary>
    public int? ClaimedVersion { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public string? LastSendError { get; init; }

    public string? ETag { get; init; }

    public BulletinVersion? Latest => Versions.Count == 0 ? null : Versions[^1];
}

public interface IBulletinStore
{
    Task<BulletinRecord?> GetAsync(BulletinMonth month, CancellationToken cancellationToken);

    /// <summary>Creates (ETag null) or replaces under the ETag; returns the saved record with its new ETag, or null on a lost race (409/412).</summary>
    Task<BulletinRecord?> TrySaveAsync(BulletinRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<BulletinRecord>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Blob archive of rendered bulletins.</summary>
public interface IBulletinArchive
{
    /// <summary>Writes the file unless it exists (a re-run after a crash writes the same bytes under the same name).</summary>
    Task WriteAsync(string blobName, byte[] content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    Task<byte[]?> ReadAsync(string blobName, CancellationToken cancellationToken);
}
