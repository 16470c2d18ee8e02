using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables.Models;

namespace Azure.Data.Tables;

/// <summary>Works with one table and its entities.</summary>
public class TableClient
{
    internal const string StorageScope = "https://storage.azure.com/.default";

    private readonly TableRestClient _rest;

    /// <summary>Creates a client from a storage connection string.</summary>
    public TableClient(string connectionString, string tableName)
        : this(connectionString, tableName, null)
    {
    }

    /// <summary>Creates a client from a storage connection string.</summary>
    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(TableConnectionString.Parse(connectionString), tableName, options)
    {
    }

    /// <summary>Creates a client authorized with Microsoft Entra ID tokens.</summary>
    /// <param name="endpoint">The account's Table endpoint, e.g. https://myaccount.table.core.windows.net.</param>
    public TableClient(Uri endpoint, string tableName, TokenCredential tokenCredential, TableClientOptions? options = null)
        : this(
            endpoint,
            tableName,
            TableEndpointInfo.GetAccountName(endpoint ?? throw new ArgumentNullException(nameof(endpoint))),
            new BearerTokenAuthenticationPolicy(tokenCredential ?? throw new ArgumentNullException(nameof(tokenCredential)), StorageScope),
            options)
    {
    }

    /// <summary>Creates a client that signs requests with the account key.</summary>
    /// <param name="endpoint">The account's Table endpoint, e.g. https://myaccount.table.core.windows.net.</param>
    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential)
        : this(endpoint, tableName, credential, null)
    {
    }

    /// <summary>Creates a client that signs requests with the account key.</summary>
    /// <param name="endpoint">The account's Table endpoint, e.g. https://myaccount.table.core.windows.net.</param>
    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(
            endpoint,
            tableName,
            (credential ?? throw new ArgumentNullException(nameof(credential))).AccountName,
            new TableSharedKeyPolicy(credential),
            options)
    {
    }

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        _rest = null!;
        Name = null!;
        AccountName = null!;
    }

    internal TableClient(TableRestClient rest, string tableName, string accountName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _rest = rest;
        Name = tableName;
        AccountName = accountName;
    }

    private TableClient(TableConnectionString connectionString, string tableName, TableClientOptions? options)
        : this(
            connectionString.TableEndpoint,
            tableName,
            connectionString.AccountName,
            connectionString.Credential is null ? null : new TableSharedKeyPolicy(connectionString.Credential),
            options)
    {
    }

    private TableClient(Uri endpoint, string tableName, string accountName, HttpPipelinePolicy? authenticationPolicy, TableClientOptions? options)
        : this(TableRestClient.Create(endpoint, authenticationPolicy, options), tableName, accountName)
    {
    }

    /// <summary>The storage account name.</summary>
    public virtual string AccountName { get; }

    /// <summary>The table name.</summary>
    public virtual string Name { get; }

    /// <summary>The table's URI.</summary>
    public virtual Uri Uri => new(_rest.Endpoint.AbsoluteUri.TrimEnd('/') + "/" + Name);

    /// <summary>Inserts an entity; fails with 409 (EntityAlreadyExists) if it exists.</summary>
    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        await _rest.InsertEntityAsync(Name, CheckEntity(entity), async: true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="AddEntityAsync{T}(T, CancellationToken)"/>
    public virtual Response AddEntity<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        _rest.InsertEntityAsync(Name, CheckEntity(entity), async: false, cancellationToken).EnsureCompleted();

    /// <summary>Creates the table; fails with 409 (TableAlreadyExists) if it exists.</summary>
    public virtual Response<TableItem> Create(CancellationToken cancellationToken = default) =>
        _rest.CreateTableAsync(Name, ifNotExists: false, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="Create(CancellationToken)"/>
    public virtual async Task<Response<TableItem>> CreateAsync(CancellationToken cancellationToken = default) =>
        await _rest.CreateTableAsync(Name, ifNotExists: false, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates the table unless it exists; the response then has status 409.</summary>
    public virtual Response<TableItem> CreateIfNotExists(CancellationToken cancellationToken = default) =>
        _rest.CreateTableAsync(Name, ifNotExists: true, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="CreateIfNotExists(CancellationToken)"/>
    public virtual async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        await _rest.CreateTableAsync(Name, ifNotExists: true, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Builds an OData filter from an interpolated string, writing each argument as an OData literal:
    /// strings quoted with quotes doubled, long as 123L, Guid as guid'…', DateTime(Offset) as datetime'…' (UTC), byte[] as X'…'.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => ODataFilter.Create(filter);

    /// <summary>Deletes the table; a missing table is not an error (the response has status 404).</summary>
    public virtual Response Delete(CancellationToken cancellationToken = default) =>
        _rest.DeleteTableAsync(Name, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="Delete(CancellationToken)"/>
    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        await _rest.DeleteTableAsync(Name, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes the entity with the key of <paramref name="entity"/>.</summary>
    /// <inheritdoc cref="DeleteEntity(string, string, ETag, CancellationToken)"/>
    public virtual Response DeleteEntity(ITableEntity entity, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
        DeleteEntity(CheckEntity(entity).PartitionKey, entity.RowKey, ifMatch, cancellationToken);

    /// <summary>
    /// Deletes an entity; a missing entity is not an error (the response has status 404). With <paramref name="ifMatch"/>,
    /// fails with 412 (UpdateConditionNotSatisfied) if the stored entity has another ETag; by default deletes unconditionally.
    /// </summary>
    public virtual Response DeleteEntity(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
        _rest.DeleteEntityAsync(Name, partitionKey, rowKey, ifMatch, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="DeleteEntity(ITableEntity, ETag, CancellationToken)"/>
    public virtual Task<Response> DeleteEntityAsync(ITableEntity entity, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
        DeleteEntityAsync(CheckEntity(entity).PartitionKey, entity.RowKey, ifMatch, cancellationToken);

    /// <inheritdoc cref="DeleteEntity(string, string, ETag, CancellationToken)"/>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
        await _rest.DeleteEntityAsync(Name, partitionKey, rowKey, ifMatch, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads an entity; fails with 404 (ResourceNotFound) if it does not exist.</summary>
    /// <param name="select">The properties to read; all when null.</param>
    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        (T? entity, Response response) = await _rest.GetEntityAsync<T>(Name, partitionKey, rowKey, select, ifExists: false, async: true, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(entity!, response);
    }

    /// <summary>Reads an entity if it exists; otherwise the result has no value.</summary>
    /// <param name="select">The properties to read; all when null.</param>
    public virtual async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        ToNullableResponse(await _rest.GetEntityAsync<T>(Name, partitionKey, rowKey, select, ifExists: true, async: true, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc cref="GetEntityIfExistsAsync{T}(string, string, IEnumerable{string}, CancellationToken)"/>
    public virtual NullableResponse<T> GetEntityIfExists<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        ToNullableResponse(_rest.GetEntityAsync<T>(Name, partitionKey, rowKey, select, ifExists: true, async: false, cancellationToken).EnsureCompleted());

    /// <inheritdoc cref="GetEntityAsync{T}(string, string, IEnumerable{string}, CancellationToken)"/>
    public virtual Response<T> GetEntity<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        (T? entity, Response response) = _rest.GetEntityAsync<T>(Name, partitionKey, rowKey, select, ifExists: false, async: false, cancellationToken).EnsureCompleted();
        return Response.FromValue(entity!, response);
    }

    /// <summary>Queries entities, page by page; a page's continuation token resumes the query with <c>AsPages</c>.</summary>
    /// <param name="filter">An OData filter (see <see cref="CreateQueryFilter(FormattableString)"/>); all entities when null.</param>
    /// <param name="maxPerPage">The most entities per page; the service returns at most 1,000.</param>
    /// <param name="select">The properties to read; all when null.</param>
    public virtual AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        new TableAsyncPageable<T>(EntityPages<T>(filter, maxPerPage, select, cancellationToken), cancellationToken);

    /// <inheritdoc cref="QueryAsync{T}(string, int?, IEnumerable{string}, CancellationToken)"/>
    public virtual Pageable<T> Query<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        new TablePageable<T>(EntityPages<T>(filter, maxPerPage, select, cancellationToken), cancellationToken);

    /// <summary>
    /// Submits up to 100 actions on entities of one partition as a single transaction: all succeed, or none takes effect and
    /// <see cref="TableTransactionFailedException"/> names the failed action. The responses are in the order of the actions.
    /// </summary>
    public virtual Response<IReadOnlyList<Response>> SubmitTransaction(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default) =>
        _rest.SubmitTransactionAsync(Name, CheckActions(transactionActions), async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="SubmitTransaction(IEnumerable{TableTransactionAction}, CancellationToken)"/>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default) =>
        await _rest.SubmitTransactionAsync(Name, CheckActions(transactionActions), async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Updates an existing entity if its stored ETag matches <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any);
    /// fails with 412 (UpdateConditionNotSatisfied) if not, and with 404 if the entity does not exist.
    /// </summary>
    public virtual async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        await _rest.UpdateEntityAsync(Name, CheckEntity(entity), mode, CheckIfMatch(ifMatch), async: true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="UpdateEntityAsync{T}(T, ETag, TableUpdateMode, CancellationToken)"/>
    public virtual Response UpdateEntity<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        _rest.UpdateEntityAsync(Name, CheckEntity(entity), mode, CheckIfMatch(ifMatch), async: false, cancellationToken).EnsureCompleted();

    /// <summary>Inserts the entity, or merges it into / replaces the stored one, whatever its ETag.</summary>
    public virtual async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        await _rest.UpdateEntityAsync(Name, CheckEntity(entity), mode, default, async: true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="UpsertEntityAsync{T}(T, TableUpdateMode, CancellationToken)"/>
    public virtual Response UpsertEntity<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        _rest.UpdateEntityAsync(Name, CheckEntity(entity), mode, default, async: false, cancellationToken).EnsureCompleted();

    private PageFetcher<T> EntityPages<T>(string? filter, int? maxPerPage, IEnumerable<string>? select, CancellationToken cancellationToken)
        where T : class, ITableEntity =>
        (continuationToken, pageSizeHint, async) =>
            _rest.QueryEntitiesAsync<T>(Name, filter, select, pageSizeHint ?? maxPerPage, continuationToken, async, cancellationToken);

    private static NullableResponse<T> ToNullableResponse<T>((T? Entity, Response Response) result) =>
        result.Entity is null ? new NoValueResponse<T>(result.Response) : Response.FromValue(result.Entity, result.Response);

    private static T CheckEntity<T>(T entity)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(entity.PartitionKey, $"{nameof(entity)}.{nameof(entity.PartitionKey)}");
        ArgumentNullException.ThrowIfNull(entity.RowKey, $"{nameof(entity)}.{nameof(entity.RowKey)}");
        return entity;
    }

    private static ETag CheckIfMatch(ETag ifMatch) =>
        ifMatch == default
            ? throw new ArgumentException("An update needs the ETag to match; pass ETag.All to update whatever version is stored, or use UpsertEntity.", nameof(ifMatch))
            : ifMatch;

    private static List<TableTransactionAction> CheckActions(IEnumerable<TableTransactionAction> transactionActions)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        List<TableTransactionAction> actions = transactionActions.ToList();
        return actions.Count == 0 ? throw new InvalidOperationException("A transaction needs at least one action.") : actions;
    }
}
