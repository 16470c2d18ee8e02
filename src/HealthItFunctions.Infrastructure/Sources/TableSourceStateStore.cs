using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Infrastructure.Storage;

namespace HealthItFunctions.Infrastructure.Sources;

/// <summary>
/// Table <c>sourcestate</c>: one entity per source (PartitionKey source id, RowKey "state"), health as columns an
/// operator can read in Storage Explorer, the per-page fetch records and open incidents as JSON. Saved under the ETag read.
/// </summary>
internal sealed class TableSourceStateStore(TableServiceClient tables) : ISourceStateStore
{
    public const string TableName = "sourcestate";
    private const string Row = "state";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly LazyResource<TableClient> _table = StorageResources.Table(tables, TableName);

    public async Task<SourceState> GetAsync(string sourceId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(sourceId, Row, cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : SourceState.New(sourceId);
    }

    public async Task<bool> TrySaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            if (state.ETag is null)
            {
                await table.AddEntityAsync(ToEntity(state), cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(ToEntity(state), new ETag(state.ETag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var states = new List<SourceState>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.RowKey == Row, cancellationToken: cancellationToken))
        {
            states.Add(FromEntity(entity));
        }

        return states.OrderBy(s => s.SourceId, StringComparer.Ordinal).ToList();
    }

    public async Task DeleteAsync(string sourceId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(sourceId, Row, ETag.All, cancellationToken);
    }

    private static TableEntity ToEntity(SourceState state) => new(state.SourceId, Row)
    {
        ["FirstPolledAt"] = state.FirstPolledAt,
        ["LastPolledAt"] = state.LastPolledAt,
        ["LastSuccessAt"] = state.LastSuccessAt,
        ["ConsecutiveFailures"] = state.ConsecutiveFailures,
        ["LastError"] = Cap(state.LastError),
        ["LinksLastPoll"] = state.LinksLastPoll,
        ["NewLinksLastPoll"] = state.NewLinksLastPoll,
        ["LastNewLinkAt"] = state.LastNewLinkAt,
        ["Pages"] = JsonSerializer.Serialize(state.Pages, Json),
        ["Incidents"] = JsonSerializer.Serialize(state.Incidents, Json),
        ["Notes"] = JsonSerializer.Serialize(state.Notes, Json),
        ["EncodingContradiction"] = Cap(state.EncodingContradiction),
    };

    private static SourceState FromEntity(TableEntity entity) => new()
    {
        SourceId = entity.PartitionKey,
        FirstPolledAt = entity.GetDateTimeOffset("FirstPolledAt"),
        LastPolledAt = entity.GetDateTimeOffset("LastPolledAt"),
        LastSuccessAt = entity.GetDateTimeOffset("LastSuccessAt"),
        ConsecutiveFailures = entity.GetInt32("ConsecutiveFailures") ?? 0,
        LastError = entity.GetString("LastError"),
        LinksLastPoll = entity.GetInt32("LinksLastPoll"),
        NewLinksLastPoll = entity.GetInt32("NewLinksLastPoll") ?? 0,
        LastNewLinkAt = entity.GetDateTimeOffset("LastNewLinkAt"),
        Pages = JsonSerializer.Deserialize<Dictionary<string, ListPageState>>(entity.GetString("Pages") ?? "{}", Json) ?? [],
        Incidents = JsonSerializer.Deserialize<List<OpenIncident>>(entity.GetString("Incidents") ?? "[]", Json) ?? [],
        Notes = JsonSerializer.Deserialize<List<string>>(entity.GetString("Notes") ?? "[]", Json) ?? [],
        EncodingContradiction = entity.GetString("EncodingContradiction"),
        ETag = entity.ETag.ToString(),
    };

    /// <summary>A table string property holds 32K characters; an error message never needs that many.</summary>
    private static string? Cap(string? text) => text is { Length: > 4000 } ? text[..4000] + "…" : text;
}
