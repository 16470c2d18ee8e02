using Azure;
using Azure.Data.Tables;
using HealthItFunctions.Infrastructure.Storage;

namespace HealthItFunctions.Infrastructure.Mail;

/// <summary>
/// Table <c>mailstate</c>: the digest's last window (PK "digest"), open incidents (PK "incident", RK source|kind)
/// and alert mails per Beijing day (PK "alertday", RK yyyyMMdd). Small rows, each saved under its ETag.
/// </summary>
internal sealed class MailStateTable(TableServiceClient tables)
{
    public const string TableName = "mailstate";

    private readonly LazyResource<TableClient> _table = StorageResources.Table(tables, TableName);

    public async Task<TableEntity?> GetAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Adds when <paramref name="etag"/> is null, else replaces under it; the new ETag, or null on a lost race.</summary>
    public async Task<string?> TrySaveAsync(TableEntity entity, string? etag, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            var response = etag is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }
}
