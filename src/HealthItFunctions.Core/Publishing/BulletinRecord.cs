using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Publishing;

/// <summary>
/// One archived version of a month's bulletin: its blobs, the hash that tells whether content changed, and the hash
/// of its selection (which articles, in which order) that tells whether the editors need a new notice.
/// </summary>
public sealed record BulletinVersion(int Version, string ContentHash, int ArticleCount, IReadOnlyList<string> BlobNames, DateTimeOffset CreatedAt, string? SelectionHash = null);

/// <summary>Where a month's bulletin stands: a draft for the editors, approved by one of them, sent to the readers.</summary>
public enum BulletinStage
{
    Draft,
    Approved,
    Sent,
}

/// <summary>
/// The month's publishing state: its draft versions, the editors' notices, the approval and the readers' mail. Each
/// mail is claimed here under the record's ETag before it is sent, so two racing runs send it once.
/// </summary>
public sealed record BulletinRecord
{
    public required BulletinMonth Month { get; init; }

    public required int IssueNumber { get; init; }

    public IReadOnlyList<BulletinVersion> Versions { get; init; } = [];

    /// <summary>The highest version mailed to the readers; 0 when none was.</summary>
    public int SentVersion { get; init; }

    /// <summary>The version an editor approved for the readers; 0 while the bulletin is a draft.</summary>
    public int ApprovedVersion { get; init; }

    /// <summary>Who approved it: the editor's name, or "auto" when the automatic distribution did.</summary>
    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>The selection hash the editors were last told about in a draft notice; null before the first notice.</summary>
    public string? NotifiedSelection { get; init; }

    public int NotifiedVersion { get; init; }

    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>A draft notice being sent ("sending"), for this selection and version, and since when; cleared once it is sent.</summary>
    public string? NoticeClaimedSelection { get; init; }

    public int? NoticeClaimedVersion { get; init; }

    public DateTimeOffset? NoticeClaimedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>A version whose readers' mail is being sent ("sending") by some run, and since when; cleared once it is sent.</summary>
    public int? ClaimedVersion { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public string? LastSendError { get; init; }

    public string? ETag { get; init; }

    public BulletinVersion? Latest => Versions.Count == 0 ? null : Versions[^1];

    public BulletinVersion? Approved => Versions.FirstOrDefault(v => v.Version == ApprovedVersion);

    public BulletinStage Stage => SentVersion > 0 && SentVersion >= ApprovedVersion ? BulletinStage.Sent
        : ApprovedVersion > 0 ? BulletinStage.Approved
        : BulletinStage.Draft;
}

public interface IBulletinStore
{
    Task<BulletinRecord?> GetAsync(BulletinMonth month, CancellationToken cancellationToken);

    /// <summary>Creates (ETag null) or replaces under the ETag; returns the saved record with its new ETag, or null on a lost race (409/412).</summary>
    Task<BulletinRecord?> TrySaveAsync(BulletinRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<BulletinRecord>> ListAsync(CancellationToken cancellationToken);
}

public static class BulletinStoreExtensions
{
    /// <summary>
    /// Saves <paramref name="change"/> applied to <paramref name="current"/>; when another run changed the record
    /// meanwhile (a notice, an approval), applies it again to the newest record, so neither change is lost.
    /// </summary>
    public static async Task<BulletinRecord> SaveMergingAsync(
        this IBulletinStore store, BulletinRecord current, Func<BulletinRecord, BulletinRecord> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await store.TrySaveAsync(change(current), cancellationToken) is { } saved)
            {
                return saved;
            }

            current = await store.GetAsync(current.Month, cancellationToken)
                ?? throw new InvalidOperationException($"The bulletin record for {current.Month} vanished.");
        }
    }
}

/// <summary>Blob archive of rendered bulletins.</summary>
public interface IBulletinArchive
{
    /// <summary>
    /// Writes the file unless a blob of that name exists. Names carry the hash of the words they hold, so an existing
    /// blob holds these words: it is a re-run after a crash, and the first copy stays.
    /// </summary>
    Task WriteAsync(string blobName, byte[] content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    Task<byte[]?> ReadAsync(string blobName, CancellationToken cancellationToken);
}
