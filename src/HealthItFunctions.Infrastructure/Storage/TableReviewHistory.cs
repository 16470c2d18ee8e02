using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using HealthItFunctions.Core.Review;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Table <c>articlehistory</c>: PartitionKey = article id, RowKey = inverted ticks (plus a random suffix, so two
/// edits in the same tick both stay), so one partition query returns an article's history newest first.
/// </summary>
internal sealed class TableReviewHistory(TableServiceClient tables) : IReviewHistory
{
    internal const string TableName = "articlehistory";

    private readonly LazyResource<TableClient> _table = StorageResources.Table(tables, TableName);

    public async Task RecordAsync(ReviewHistoryEntry entry, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var inverted = DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks;
        await table.AddEntityAsync(new TableEntity(entry.ArticleId, $"{inverted:D19}-{Guid.NewGuid():N}")
        {
            ["At"] = entry.At,
            ["Editor"] = entry.Editor,
            ["Action"] = entry.Action,
            ["Changes"] = JsonSerializer.Serialize(entry.Changes),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewHistoryEntry>> ListAsync(string articleId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entries = new List<ReviewHistoryEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == articleId, cancellationToken: cancellationToken))
        {
            entries.Add(new ReviewHistoryEntry(
                articleId,
                entity.GetDateTimeOffset("At") ?? new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - long.Parse(entity.RowKey[..19], CultureInfo.InvariantCulture), TimeSpan.Zero),
                entity.GetString("Editor") ?? "",
                entity.GetString("Action") ?? "",
                JsonSerializer.Deserialize<List<FieldChange>>(entity.GetString("Changes") ?? "[]") ?? []));
        }

        return entries;
    }
}
