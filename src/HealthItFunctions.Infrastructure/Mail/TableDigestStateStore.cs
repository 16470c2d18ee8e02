using Azure.Data.Tables;
using HealthItFunctions.Core.Publishing;

namespace HealthItFunctions.Infrastructure.Mail;

/// <summary>The digest record: one row, so a claim is one conditional write.</summary>
internal sealed class TableDigestStateStore(MailStateTable table) : IDigestStateStore
{
    private const string Partition = "digest";
    private const string Row = "daily";

    public async Task<DigestRecord?> GetAsync(CancellationToken cancellationToken) =>
        await table.GetAsync(Partition, Row, cancellationToken) is { } entity
            ? new DigestRecord
            {
                LastDigestAt = entity.GetDateTimeOffset("LastDigestAt"),
                LastSentAt = entity.GetDateTimeOffset("LastSentAt"),
                LastArticleCount = entity.GetInt32("LastArticleCount") ?? 0,
                LastSendError = entity.GetString("LastSendError"),
                ETag = entity.ETag.ToString(),
            }
            : null;

    public async Task<DigestRecord?> TrySaveAsync(DigestRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, Row)
        {
            ["LastDigestAt"] = record.LastDigestAt,
            ["LastSentAt"] = record.LastSentAt,
            ["LastArticleCount"] = record.LastArticleCount,
            ["LastSendError"] = record.LastSendError,
        };
        return await table.TrySaveAsync(entity, record.ETag, cancellationToken) is { } etag ? record with { ETag = etag } : null;
    }
}
