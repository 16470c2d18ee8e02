using Azure.Data.Tables;
using HealthItFunctions.Core.Articles;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Table <c>fetchfailures</c> (PartitionKey = source id, RowKey = article id), so a source's health is one partition
/// scan. The link is also marked "failed" in the article index: polls stop offering it, while a replay from poison
/// still fetches it (the ingestor treats only stored and dropped links as duplicates).
/// </summary>
internal sealed class TableFetchFailureLog : IFetchFailureLog
{
    internal const string FailuresTable = "fetchfailures";

    private readonly LazyResource<TableClient> _failures;
    private readonly LazyResource<TableClient> _index;

    public TableFetchFailureLog(TableServiceClient tables)
    {
        _failures = StorageResources.Table(tables, FailuresTable);
        _index = StorageResources.Table(tables, StorageNames.ArticleIndexTable);
    }

    public async Task RecordAsync(FetchFailure failure, CancellationToken cancellationToken)
    {
        var failures = await _failures.GetAsync(cancellationToken);
        await failures.UpsertEntityAsync(new TableEntity(failure.SourceId, failure.ArticleId)
        {
            ["Url"] = failure.Url,
            ["Attempts"] = failure.Attempts,
            ["Reason"] = failure.Reason,
            ["At"] = failure.At,
        }, TableUpdateMode.Replace, cancellationToken);
        var index = await _index.GetAsync(cancellationToken);
        await ArticleIndexEntries.WriteUnlessStoredAsync(index,
            new TableEntity(failure.ArticleId, "") { ["State"] = "failed", ["Url"] = failure.Url, ["Reason"] = failure.Reason }, cancellationToken);
    }

    public async Task<IReadOnlyList<FetchFailure>> ListAsync(string sourceId, CancellationToken cancellationToken)
    {
        var failures = await _failures.GetAsync(cancellationToken);
        var result = new List<FetchFailure>();
        await foreach (var entity in failures.QueryAsync<TableEntity>(e => e.PartitionKey == sourceId, cancellationToken: cancellationToken))
        {
            result.Add(new FetchFailure(entity.PartitionKey, entity.RowKey, entity.GetString("Url") ?? "", entity.GetInt64("Attempts") ?? 0,
                entity.GetString("Reason") ?? "", entity.GetDateTimeOffset("At") ?? default));
        }

        return result;
    }
}
