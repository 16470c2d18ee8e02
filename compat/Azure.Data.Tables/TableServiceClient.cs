using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables.Models;

namespace Azure.Data.Tables;

/// <summary>Works with the tables of a storage account, and hands out <see cref="TableClient"/>s that share its pipeline.</summary>
public class TableServiceClient
{
    private readonly TableRestClient _rest;

    /// <summary>Creates a client from a storage connection string.</summary>
    public TableServiceClient(string connectionString)
        : this(connectionString, null)
    {
    }

    /// <summary>Creates a client from a storage connection string.</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableConnectionString.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client authorized with Microsoft Entra ID tokens.</summary>
    /// <param name="endpoint">The account's Table endpoint, e.g. https://myaccount.table.core.windows.net.</param>
    public TableServiceClient(Uri endpoint, TokenCredential tokenCredential, TableClientOptions? options = null)
        : this(
            endpoint,
            TableEndpointInfo.GetAccountName(endpoint ?? throw new ArgumentNullException(nameof(endpoint))),
            new BearerTokenAuthenticationPolicy(tokenCredential ?? throw new ArgumentNullException(nameof(tokenCredential)), TableClient.StorageScope),
            options)
    {
    }

    /// <summary>Creates a client that signs requests with the account key.</summary>
    /// <param name="endpoint">The account's Table endpoint, e.g. https://myaccount.table.core.windows.net.</param>
    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential)
        : this(endpoint, credential, null)
    {
    }

    /// <summary>Creates a client that signs requests with the account key.</summary>
    /// <param name="endpoint">The account's Table endpoint, e.g. https://myaccount.table.core.windows.net.</param>
    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options)
        : this(
            endpoint,
            (credential ?? throw new ArgumentNullException(nameof(credential))).AccountName,
            new TableSharedKeyPolicy(credential),
            options)
    {
    }

    /// <summary>For mocking.</summary>
    protected TableServiceClient()
    {
        _rest = null!;
        AccountName = null!;
    }

    private TableServiceClient(TableConnectionString connectionString, TableClientOptions? options)
        : this(
            connectionString.TableEndpoint,
            connectionString.AccountName,
            connectionString.Credential is null ? null : new TableSharedKeyPolicy(connectionString.Credential),
            options)
    {
    }

    private TableServiceClient(Uri endpoint, string accountName, HttpPipelinePolicy? authenticationPolicy, TableClientOptions? options)
    {
        _rest = TableRestClient.Create(endpoint, authenticationPolicy, options);
        AccountName = accountName;
    }

    /// <summary>The storage account name.</summary>
    public virtual string AccountName { get; }

    /// <summary>The account's Table endpoint.</summary>
    public virtual Uri Uri => _rest.Endpoint;

    /// <inheritdoc cref="TableClient.CreateQueryFilter(FormattableString)"/>
    public static string CreateQueryFilter(FormattableString filter) => ODataFilter.Create(filter);

    /// <summary>Creates a table; fails with 409 (TableAlreadyExists) if it exists.</summary>
    public virtual Response<TableItem> CreateTable(string tableName, CancellationToken cancellationToken = default) =>
        _rest.CreateTableAsync(CheckName(tableName), ifNotExists: false, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="CreateTable(string, CancellationToken)"/>
    public virtual async Task<Response<TableItem>> CreateTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        await _rest.CreateTableAsync(CheckName(tableName), ifNotExists: false, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates a table unless it exists; the response then has status 409.</summary>
    public virtual Response<TableItem> CreateTableIfNotExists(string tableName, CancellationToken cancellationToken = default) =>
        _rest.CreateTableAsync(CheckName(tableName), ifNotExists: true, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="CreateTableIfNotExists(string, CancellationToken)"/>
    public virtual async Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        await _rest.CreateTableAsync(CheckName(tableName), ifNotExists: true, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes a table; a missing table is not an error (the response has status 404).</summary>
    public virtual Response DeleteTable(string tableName, CancellationToken cancellationToken = default) =>
        _rest.DeleteTableAsync(CheckName(tableName), async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="DeleteTable(string, CancellationToken)"/>
    public virtual async Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        await _rest.DeleteTableAsync(CheckName(tableName), async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>A client for one table, sharing this client's pipeline and credentials.</summary>
    public virtual TableClient GetTableClient(string tableName) => new(_rest, CheckName(tableName), AccountName);

    /// <summary>Lists tables, page by page, filtered by an interpolated OData filter (see <see cref="CreateQueryFilter(FormattableString)"/>).</summary>
    public virtual Pageable<TableItem> Query(FormattableString filter, int? maxPerPage = null, CancellationToken cancellationToken = default) =>
        Query(ODataFilter.Create(filter), maxPerPage, cancellationToken);

    /// <summary>Lists tables, page by page.</summary>
    /// <param name="filter">An OData filter on TableName; all tables when null.</param>
    /// <param name="maxPerPage">The most tables per page.</param>
    public virtual Pageable<TableItem> Query(string? filter = null, int? maxPerPage = null, CancellationToken cancellationToken = default) =>
        new TablePageable<TableItem>(TablePages(filter, maxPerPage, cancellationToken), cancellationToken);

    /// <inheritdoc cref="Query(FormattableString, int?, CancellationToken)"/>
    public virtual AsyncPageable<TableItem> QueryAsync(FormattableString filter, int? maxPerPage = null, CancellationToken cancellationToken = default) =>
        QueryAsync(ODataFilter.Create(filter), maxPerPage, cancellationToken);

    /// <inheritdoc cref="Query(string, int?, CancellationToken)"/>
    public virtual AsyncPageable<TableItem> QueryAsync(string? filter = null, int? maxPerPage = null, CancellationToken cancellationToken = default) =>
        new TableAsyncPageable<TableItem>(TablePages(filter, maxPerPage, cancellationToken), cancellationToken);

    private PageFetcher<TableItem> TablePages(string? filter, int? maxPerPage, CancellationToken cancellationToken) =>
        (continuationToken, pageSizeHint, async) =>
            _rest.QueryTablesAsync(filter, pageSizeHint ?? maxPerPage, continuationToken, async, cancellationToken);

    private static string CheckName(string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        return tableName;
    }
}
