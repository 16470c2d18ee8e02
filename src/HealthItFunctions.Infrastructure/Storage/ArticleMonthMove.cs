using Azure;
using Azure.Data.Tables;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Moving an article's row to another month partition, which no single transaction can do, as a roll-forward:
/// (1) the old row takes the edit and <c>MovingTo</c>, under the editor's ETag; (2) the copy is written with
/// <c>MovedFrom</c>; (3) the index entry names the new month: the commit point; (4) the old row is deleted; (5) the
/// copy's mark is cleared. Readers trust a marked row only in the month the index names, so after a crash at any point
/// every listing shows the article once; the next edit of the article finishes the move before applying itself.
/// </summary>
/// <remarks>
/// Trade-off: five writes where a blind copy-and-delete takes three, and one index read per marked row while a move is
/// unfinished. Moves are editor actions, a handful a month, so correctness costs nearly nothing; unmarked rows — all
/// but those few — are listed without any index read.
/// </remarks>
internal static class ArticleMonthMove
{
    public const string MovingTo = "MovingTo";
    public const string MovedFrom = "MovedFrom";

    public static bool IsMarked(TableEntity row) => row.ContainsKey(MovingTo) || row.ContainsKey(MovedFrom);

    /// <summary>Steps 1–5 for an edited row (its ETag the one the editor read).</summary>
    public static async Task MoveAsync(TableClient articles, TableClient index, TableEntity edited, string toPartition, ETag etag, CancellationToken cancellationToken)
    {
        var prepared = new TableEntity(edited) { [MovingTo] = toPartition };
        prepared.Remove(MovedFrom);
        var response = await articles.UpdateEntityAsync(prepared, etag, TableUpdateMode.Replace, cancellationToken);
        prepared.ETag = response.Headers.ETag ?? ETag.All;
        await FinishAsync(articles, index, prepared, cancellationToken);
    }

    /// <summary>
    /// Completes whatever part of a move a marked row shows is left: from step 2 for an old row (<c>MovingTo</c>), from
    /// step 4 for a copy the index already points to (<c>MovedFrom</c>).
    /// </summary>
    public static async Task FinishAsync(TableClient articles, TableClient index, TableEntity marked, CancellationToken cancellationToken)
    {
        var id = marked.RowKey;
        string from, to;
        var oldETag = ETag.All;
        if (marked.GetString(MovingTo) is { } target)
        {
            (from, to, oldETag) = (marked.PartitionKey, target, marked.ETag);
            var copy = new TableEntity(marked) { PartitionKey = to, ETag = default, [MovedFrom] = from };
            copy.Remove(MovingTo);
            await articles.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
            await ArticleIndexEntries.CommitMonthAsync(index, id, to, cancellationToken);
        }
        else
        {
            (from, to) = (marked.GetString(MovedFrom)!, marked.PartitionKey);
        }

        await DeleteOldAsync(articles, from, to, id, oldETag, cancellationToken);
        await ClearMarkAsync(articles, to, id, cancellationToken);
    }

    /// <summary>
    /// Under the ETag the copy was made from: a cluster re-point that reached the old row between steps 1 and 3 (when it
    /// was still the article) is carried to the copy before the old row goes.
    /// </summary>
    private static async Task DeleteOldAsync(TableClient articles, string from, string to, string id, ETag copiedFrom, CancellationToken cancellationToken)
    {
        try
        {
            await articles.DeleteEntityAsync(from, id, copiedFrom, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            var old = await articles.GetEntityIfExistsAsync<TableEntity>(from, id, ["ClusterId"], cancellationToken);
            if (old.HasValue)
            {
                await articles.UpdateEntityAsync(new TableEntity(to, id) { ["ClusterId"] = old.Value!.GetString("ClusterId") }, ETag.All,
                    TableUpdateMode.Merge, cancellationToken);
                await articles.DeleteEntityAsync(from, id, ETag.All, cancellationToken);
            }
        }
    }

    private static async Task ClearMarkAsync(TableClient articles, string partition, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await articles.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: cancellationToken);
            if (!current.HasValue || !current.Value!.ContainsKey(MovedFrom))
            {
                return;
            }

            var row = current.Value;
            row.Remove(MovedFrom);
            try
            {
                await articles.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
            }
        }
    }
}
