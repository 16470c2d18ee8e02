using HealthItFunctions.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;

namespace HealthItFunctions.Local;

/// <summary>
/// One timer's record, like the Functions host's timer status blob (Last, Next, LastUpdated), plus the claim that
/// lets exactly one `serve` run an occurrence: whoever writes <see cref="ClaimedOccurrence"/> under the ETag runs it.
/// </summary>
public sealed record ScheduleStatus(
    string Timer,
    string Schedule,
    DateTimeOffset? Last,
    DateTimeOffset Next,
    DateTimeOffset LastUpdated,
    DateTimeOffset? ClaimedOccurrence = null,
    DateTimeOffset? ClaimedUntil = null,
    string? ClaimedBy = null,
    ETag ETag = default)
{
    /// <summary>True when someone holds <paramref name="occurrence"/> and their claim has not run out.</summary>
    public bool IsHeld(DateTimeOffset occurrence, DateTimeOffset now) => ClaimedOccurrence == occurrence && ClaimedUntil > now;
}

/// <summary>
/// Timer status in Table Storage (table <c>timerstatus</c>, PartitionKey "timer", RowKey the function name).
/// Every write is conditional on the ETag read, so two processes, or one restarted mid-run, cannot both take an occurrence.
/// </summary>
public sealed class TableScheduleMonitor(TableServiceClient tables)
{
    public const string TableName = "timerstatus";
    private const string Partition = "timer";

    private readonly LazyResource<TableClient> _table = StorageResources.Table(tables, TableName);

    /// <summary>The stored status, or a new one due at <paramref name="firstNext"/>. A changed schedule restarts from <paramref name="firstNext"/>, as the host does.</summary>
    public async Task<ScheduleStatus> GetOrCreateAsync(string timer, string schedule, DateTimeOffset firstNext, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        while (true)
        {
            if (await GetAsync(timer, cancellationToken) is { } existing)
            {
                if (existing.Schedule == schedule)
                {
                    return existing;
                }

                if (await TryWriteAsync(existing with { Schedule = schedule, Next = firstNext, LastUpdated = now, ClaimedOccurrence = null, ClaimedUntil = null, ClaimedBy = null }, cancellationToken) is { } rescheduled)
                {
                    return rescheduled;
                }

                continue;
            }

            try
            {
                var created = new ScheduleStatus(timer, schedule, null, firstNext, now);
                var response = await table.AddEntityAsync(ToEntity(created), cancellationToken);
                return created with { ETag = response.Headers.ETag ?? default };
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another serve created it first: read theirs.
            }
        }
    }

    public async Task<ScheduleStatus?> GetAsync(string timer, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, timer, cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<ScheduleStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var all = new List<ScheduleStatus>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            all.Add(FromEntity(entity));
        }

        return all;
    }

    /// <summary>Replaces the status if nobody wrote it since it was read; null when someone did (re-read and decide again).</summary>
    public async Task<ScheduleStatus?> TryWriteAsync(ScheduleStatus status, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(status), status.ETag, TableUpdateMode.Replace, cancellationToken);
            return status with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    private ValueTask<TableClient> TableAsync(CancellationToken cancellationToken) => _table.GetAsync(cancellationToken);

    private static TableEntity ToEntity(ScheduleStatus s) => new(Partition, s.Timer)
    {
        ["Schedule"] = s.Schedule,
        ["Last"] = s.Last,
        ["Next"] = s.Next,
        ["LastUpdated"] = s.LastUpdated,
        ["ClaimedOccurrence"] = s.ClaimedOccurrence,
        ["ClaimedUntil"] = s.ClaimedUntil,
        ["ClaimedBy"] = s.ClaimedBy,
    };

    private static ScheduleStatus FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetString("Schedule") ?? "",
        e.GetDateTimeOffset("Last"),
        e.GetDateTimeOffset("Next") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("LastUpdated") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("ClaimedOccurrence"),
        e.GetDateTimeOffset("ClaimedUntil"),
        e.GetString("ClaimedBy"),
        e.ETag);
}
