using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Publishing;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>Table <c>bulletins</c>: one entity per month (PartitionKey "bulletin", RowKey yyyyMM), saved under its ETag.</summary>
internal sealed class TableBulletinStore(TableServiceClient tables) : IBulletinStore
{
    private const string Partition = "bulletin";

    private readonly LazyResource<TableClient> _table = StorageResources.Table(tables, StorageNames.BulletinsTable);

    public async Task<BulletinRecord?> GetAsync(BulletinMonth month, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, StorageNames.PartitionKey(month), cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<BulletinRecord?> TrySaveAsync(BulletinRecord record, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = ToEntity(record);
        try
        {
            var response = record.ETag is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
            return record with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<BulletinRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var records = new List<BulletinRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(entity));
        }

        return records;
    }

    private static TableEntity ToEntity(BulletinRecord record) => new(Partition, StorageNames.PartitionKey(record.Month))
    {
        ["IssueNumber"] = record.IssueNumber,
        ["Versions"] = JsonSerializer.Serialize(record.Versions),
        ["SentVersion"] = record.SentVersion,
        ["SentAt"] = record.SentAt,
        ["ClaimedVersion"] = record.ClaimedVersion,
        ["ClaimedAt"] = record.ClaimedAt,
        ["LastSendError"] = record.LastSendError,
        ["ApprovedVersion"] = record.ApprovedVersion,
        ["ApprovedBy"] = record.ApprovedBy,
        ["ApprovedAt"] = record.ApprovedAt,
        ["NotifiedSelection"] = record.NotifiedSelection,
        ["NotifiedVersion"] = record.NotifiedVersion,
        ["NotifiedAt"] = record.NotifiedAt,
        ["NoticeClaimedSelection"] = record.NoticeClaimedSelection,
        ["NoticeClaimedVersion"] = record.NoticeClaimedVersion,
        ["NoticeClaimedAt"] = record.NoticeClaimedAt,
    };

    private static BulletinRecord FromEntity(TableEntity entity) => new()
    {
        Month = StorageNames.MonthOf(entity.RowKey),
        IssueNumber = entity.GetInt32("IssueNumber") ?? 0,
        Versions = JsonSerializer.Deserialize<List<BulletinVersion>>(entity.GetString("Versions") ?? "[]") ?? [],
        SentVersion = entity.GetInt32("SentVersion") ?? 0,
        SentAt = entity.GetDateTimeOffset("SentAt"),
        ClaimedVersion = entity.GetInt32("ClaimedVersion"),
        ClaimedAt = entity.GetDateTimeOffset("ClaimedAt"),
        LastSendError = entity.GetString("LastSendError"),
        ApprovedVersion = entity.GetInt32("ApprovedVersion") ?? 0,
        ApprovedBy = entity.GetString("ApprovedBy"),
        ApprovedAt = entity.GetDateTimeOffset("ApprovedAt"),
        NotifiedSelection = entity.GetString("NotifiedSelection"),
        NotifiedVersion = entity.GetInt32("NotifiedVersion") ?? 0,
        NotifiedAt = entity.GetDateTimeOffset("NotifiedAt"),
        NoticeClaimedSelection = entity.GetString("NoticeClaimedSelection"),
        NoticeClaimedVersion = entity.GetInt32("NoticeClaimedVersion"),
        NoticeClaimedAt = entity.GetDateTimeOffset("NoticeClaimedAt"),
        ETag = entity.ETag.ToString(),
    };
}
