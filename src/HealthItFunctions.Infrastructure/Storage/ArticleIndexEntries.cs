using Azure;
using Azure.Data.Tables;
using HealthItFunctions.Core.Articles;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Entries of table <c>articleindex</c> (PartitionKey = article id, RowKey = ""): the link's state and, once a row may
/// exist, <c>Month</c>, the partition of the article's row. The entry is the commit record of ingest and of a move: it
/// names a month before any row is written there, so a retry reuses that month rather than inserting a second row, and a
/// reader trusts a row only in the month its entry names.
/// </summary>
/// <remarks>
/// States: <c>storing</c> (a delivery claimed Month; to polls the link is still unknown, so a crashed delivery is
/// offered again), <c>stored</c>, <c>dropped</c>, <c>failed</c>. A dropped or failed entry keeps a claimed Month, and
/// forgetting it turns it back into a claim, so whatever delivery comes next stores into the same partition.
/// </remarks>
internal static class ArticleIndexEntries
{
    private const string Storing = "storing";
    private const string Stored = "stored";

    public static LinkState StateOf(TableEntity entry) => entry.GetString("State") switch
    {
        "dropped" => LinkState.Dropped,
        "failed" => LinkState.Failed,
        Storing => LinkState.Unknown,
        _ => LinkState.Stored,
    };

    public static async Task<TableEntity?> ReadAsync(TableClient index, string articleId, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var entry = await index.GetEntityIfExistsAsync<TableEntity>(articleId, "", select, cancellationToken);
        return entry.HasValue ? entry.Value : null;
    }

    /// <summary>
    /// Insert, or replace under the ETag read: "dropped" or "failed" must never overwrite "stored", which a concurrent
    /// delivery may have written between our read and our write. A claimed Month is carried over.
    /// </summary>
    public static async Task WriteUnlessStoredAsync(TableClient index, TableEntity entry, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await ReadAsync(index, entry.PartitionKey, null, cancellationToken);
            try
            {
                if (current is null)
                {
                    await index.AddEntityAsync(entry, cancellationToken);
                }
                else if (StateOf(current) != LinkState.Stored)
                {
                    var write = new TableEntity(entry);
                    if (current.GetString("Month") is { } month)
                    {
                        write["Month"] = month;
                    }

                    await index.UpdateEntityAsync(write, current.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Someone wrote in between: read again and decide again.
            }
        }
    }

    /// <summary>One insert when the link is new; the month an earlier delivery claimed when there is one.</summary>
    public static async Task<string> ClaimMonthAsync(TableClient index, string articleId, string partition, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await index.AddEntityAsync(new TableEntity(articleId, "") { ["State"] = Storing, ["Month"] = partition }, cancellationToken);
                return partition;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }

            if (await ReadAsync(index, articleId, null, cancellationToken) is not { } current)
            {
                continue;
            }

            if (current.GetString("Month") is { } claimed)
            {
                return claimed;
            }

            try
            {
                // Dropped or failed with no row anywhere (a concurrent delivery, or an old entry): this delivery has an article.
                await index.UpdateEntityAsync(new TableEntity(articleId, "") { ["State"] = Storing, ["Month"] = partition }, current.ETag,
                    TableUpdateMode.Replace, cancellationToken);
                return partition;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
            }
        }
    }

    /// <summary>
    /// Marks the claimed link stored without touching its Month: a move an editor committed meanwhile (the row was
    /// readable before this mark) keeps its month. An entry that was never claimed gets <paramref name="partition"/>.
    /// </summary>
    public static async Task MarkStoredAsync(TableClient index, string articleId, string partition, CancellationToken cancellationToken)
    {
        try
        {
            await index.UpdateEntityAsync(new TableEntity(articleId, "") { ["State"] = Stored }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await CommitMonthAsync(index, articleId, partition, cancellationToken);
        }
    }

    /// <summary>The commit point of a move (and of an unclaimed store): from now on the row in this partition is the article.</summary>
    public static Task CommitMonthAsync(TableClient index, string articleId, string partition, CancellationToken cancellationToken) =>
        index.UpsertEntityAsync(new TableEntity(articleId, "") { ["State"] = Stored, ["Month"] = partition }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Forgets a dropped or failed link; one whose Month was claimed becomes that claim again, so no second row can follow.</summary>
    public static async Task<LinkState> ForgetAsync(TableClient index, string articleId, CancellationToken cancellationToken)
    {
        if (await ReadAsync(index, articleId, null, cancellationToken) is not { } entry)
        {
            return LinkState.Unknown;
        }

        var state = StateOf(entry);
        if (state is LinkState.Dropped or LinkState.Failed)
        {
            try
            {
                // Under its ETag: a delivery that stored the link meanwhile is not forgotten.
                if (entry.GetString("Month") is { } month)
                {
                    await index.UpdateEntityAsync(new TableEntity(articleId, "") { ["State"] = Storing, ["Month"] = month }, entry.ETag,
                        TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await index.DeleteEntityAsync(articleId, "", entry.ETag, cancellationToken);
                }
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                return await ReadAsync(index, articleId, ["State"], cancellationToken) is { } now ? StateOf(now) : LinkState.Unknown;
            }
        }

        return state;
    }
}
