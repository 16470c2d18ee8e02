using System.Globalization;
using Azure.Data.Tables;
using HealthItFunctions.Core.Alerts;

namespace HealthItFunctions.Infrastructure.Mail;

/// <summary>Incidents and the daily alert count in <see cref="MailStateTable"/>.</summary>
internal sealed class TableAlertLedger(MailStateTable table) : IAlertLedger
{
    private const string IncidentPartition = "incident";
    private const string DayPartition = "alertday";

    // A RowKey may not hold '/', '\', '#' or '?'; source ids are catalogue slugs, but an odd one must not break the key.
    private static string RowOf(string sourceId, string kind) =>
        Uri.EscapeDataString($"{sourceId}|{kind}").Replace("%", "~", StringComparison.Ordinal);

    public async Task<IncidentRecord?> GetAsync(string sourceId, string kind, CancellationToken cancellationToken) =>
        await table.GetAsync(IncidentPartition, RowOf(sourceId, kind), cancellationToken) is { } entity
            ? new IncidentRecord(
                sourceId,
                kind,
                entity.GetBoolean("Open") ?? false,
                entity.GetBoolean("Mailed") ?? false,
                entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                entity.GetString("Detail") ?? "") { ETag = entity.ETag.ToString() }
            : null;

    public async Task<IncidentRecord?> TrySaveAsync(IncidentRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(IncidentPartition, RowOf(record.SourceId, record.Kind))
        {
            ["SourceId"] = record.SourceId,
            ["Kind"] = record.Kind,
            ["Open"] = record.Open,
            ["Mailed"] = record.Mailed,
            ["At"] = record.At,
            // A property holds at most 32K UTF-16 characters; a detail is a sentence, a stack trace is not welcome.
            ["Detail"] = record.Detail.Length > 4000 ? record.Detail[..4000] : record.Detail,
        };
        return await table.TrySaveAsync(entity, record.ETag, cancellationToken) is { } etag ? record with { ETag = etag } : null;
    }

    public async Task<bool> TryCountMailAsync(DateOnly day, int cap, CancellationToken cancellationToken)
    {
        var row = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        // Optimistic increment: parallel polls retry on a lost race, so the cap holds exactly.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var current = await table.GetAsync(DayPartition, row, cancellationToken);
            var count = current?.GetInt32("Count") ?? 0;
            if (count >= cap)
            {
                return false;
            }

            var next = new TableEntity(DayPartition, row) { ["Count"] = count + 1 };
            if (await table.TrySaveAsync(next, current?.ETag.ToString(), cancellationToken) is not null)
            {
                return true;
            }
        }

        throw new InvalidOperationException($"Could not count an alert mail for {day:yyyy-MM-dd}: too many concurrent writers.");
    }
}
