using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables.Models;

namespace Azure.Data.Tables;

/// <summary>
/// The Table service REST protocol: builds each request (JSON with minimal OData metadata, DataServiceVersion 3.0,
/// x-ms-version) and sends it through the Azure.Core pipeline. Shared by a service client and its table clients.
/// </summary>
internal sealed class TableRestClient
{
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private const string NoMetadata = "application/json;odata=nometadata";
    private const string ContinuationHeaderPrefix = "x-ms-continuation-";

    // Each request names the statuses that answer it; any other becomes a RequestFailedException.
    private static readonly ResponseClassifier Ok = new StatusCodeClassifier([200]);
    private static readonly ResponseClassifier Created = new StatusCodeClassifier([201]);
    private static readonly ResponseClassifier NoContent = new StatusCodeClassifier([204]);
    private static readonly ResponseClassifier Accepted = new StatusCodeClassifier([202]);

    // As in the official client, a missing table or entity is an answer for deletes and *IfExists reads,
    // and an existing table is one for CreateIfNotExists.
    private static readonly ResponseClassifier OkOrNotFound = new StatusCodeClassifier([200, 404]);
    private static readonly ResponseClassifier NoContentOrNotFound = new StatusCodeClassifier([204, 404]);
    private static readonly ResponseClassifier CreatedOrConflict = new StatusCodeClassifier([201, 409]);

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _version;

    private TableRestClient(HttpPipeline pipeline, Uri endpoint, string version)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        _version = version;
    }

    public Uri Endpoint => _endpoint;

    public static TableRestClient Create(Uri endpoint, HttpPipelinePolicy? authenticationPolicy, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new TableClientOptions();
        var pipelineOptions = new HttpPipelineOptions(options) { RequestFailedDetailsParser = TableErrorParser.Instance };
        if (authenticationPolicy is not null)
        {
            pipelineOptions.PerRetryPolicies.Add(authenticationPolicy);
        }

        return new TableRestClient(HttpPipelineBuilder.Build(pipelineOptions), endpoint, options.VersionString);
    }

    public async ValueTask<Response<TableItem>> CreateTableAsync(string tableName, bool ifNotExists, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateMessage(RequestMethod.Post, "Tables", ifNotExists ? CreatedOrConflict : Created);
        SetJsonContent(message.Request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = tableName }));
        Response response = await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new TableItem(tableName), response);
    }

    public async ValueTask<Response> DeleteTableAsync(string tableName, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateMessage(RequestMethod.Delete, $"Tables('{EscapeKey(tableName)}')", NoContentOrNotFound);
        return await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Page<TableItem>> QueryTablesAsync(string? filter, int? top, string? continuationToken, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateMessage(RequestMethod.Get, "Tables", Ok);
        AppendQueryOptions(message.Request.Uri, filter, select: null, top);
        if (!string.IsNullOrEmpty(continuationToken))
        {
            message.Request.Uri.AppendQuery("NextTableName", continuationToken);
        }

        Response response = await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        List<TableItem> tables = ReadValueArray(response, table => new TableItem(table.GetProperty("TableName").GetString()!));
        return Page<TableItem>.FromValues(tables, GetContinuationHeader(response, "NextTableName"), response);
    }

    public async ValueTask<Response> InsertEntityAsync(string table, ITableEntity entity, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateInsertEntity(table, entity);
        return await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces or merges an entity; without <paramref name="ifMatch"/> the service inserts it if missing (upsert).</summary>
    public async ValueTask<Response> UpdateEntityAsync(string table, ITableEntity entity, TableUpdateMode mode, ETag ifMatch, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateUpdateEntity(table, entity, mode, ifMatch);
        return await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Response> DeleteEntityAsync(string table, string partitionKey, string rowKey, ETag ifMatch, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateDeleteEntity(table, partitionKey, rowKey, ifMatch, NoContentOrNotFound);
        return await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; returns null (with the 404 response) when it does not exist and <paramref name="ifExists"/> is set.</summary>
    public async ValueTask<(T? Entity, Response Response)> GetEntityAsync<T>(
        string table, string partitionKey, string rowKey, IEnumerable<string>? select, bool ifExists, bool async, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        using HttpMessage message = CreateMessage(RequestMethod.Get, EntityPath(table, partitionKey, rowKey), ifExists ? OkOrNotFound : Ok);
        AppendQueryOptions(message.Request.Uri, filter: null, select, top: null);
        Response response = await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return (null, response);
        }

        using JsonDocument document = JsonDocument.Parse(response.Content);
        return (EntityJson.Deserialize<T>(document.RootElement), response);
    }

    /// <summary>Reads one page of entities. The continuation token is "NextPartitionKey NextRowKey", as in the official client.</summary>
    public async ValueTask<Page<T>> QueryEntitiesAsync<T>(
        string table, string? filter, IEnumerable<string>? select, int? top, string? continuationToken, bool async, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        using HttpMessage message = CreateMessage(RequestMethod.Get, EscapeSegment(table) + "()", Ok);
        AppendQueryOptions(message.Request.Uri, filter, select, top);
        if (!string.IsNullOrEmpty(continuationToken))
        {
            string[] keys = continuationToken.Split(' ', 2);
            message.Request.Uri.AppendQuery("NextPartitionKey", keys[0]);
            if (keys.Length > 1 && keys[1].Length > 0)
            {
                message.Request.Uri.AppendQuery("NextRowKey", keys[1]);
            }
        }

        Response response = await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        List<T> entities = ReadValueArray(response, EntityJson.Deserialize<T>);
        string? nextPartitionKey = GetContinuationHeader(response, "NextPartitionKey");
        string? nextRowKey = GetContinuationHeader(response, "NextRowKey");
        string? nextToken = nextPartitionKey is null && nextRowKey is null ? null : $"{nextPartitionKey} {nextRowKey}";
        return Page<T>.FromValues(entities, nextToken, response);
    }

    /// <summary>Submits the actions as one entity group transaction; all succeed, or none takes effect.</summary>
    public async ValueTask<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        string table, IReadOnlyList<TableTransactionAction> actions, bool async, CancellationToken cancellationToken)
    {
        // The actions' messages are never sent: their method, URI, headers and body are written into the batch body.
        var operations = new List<HttpMessage>(actions.Count);
        try
        {
            operations.AddRange(actions.Select(action => CreateTransactionOperation(table, action)));
            (byte[] body, string contentType) = TransactionMultipart.Write(operations.Select(operation => operation.Request), cancellationToken);

            using HttpMessage message = CreateMessage(RequestMethod.Post, "$batch", Accepted);
            message.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
            message.Request.Headers.SetValue(HttpHeader.Names.ContentType, contentType);
            message.Request.Content = RequestContent.Create(body);
            Response response = await SendAsync(message, async, cancellationToken, transaction: true).ConfigureAwait(false);

            IReadOnlyList<Response> results = TransactionMultipart.Read(response);
            // A failed transaction is answered with 202 too, holding only the failed action's response.
            if (results.FirstOrDefault(result => result.Status >= 400) is { } failure)
            {
                throw new TableTransactionFailedException(new RequestFailedException(failure, null, TableErrorParser.Instance));
            }

            return Response.FromValue(results, response);
        }
        finally
        {
            foreach (HttpMessage operation in operations)
            {
                operation.Dispose();
            }
        }
    }

    // As in the official client, an Update action without an ETag is sent without If-Match, which the service runs as an upsert.
    private HttpMessage CreateTransactionOperation(string table, TableTransactionAction action) => action.ActionType switch
    {
        TableTransactionActionType.Add => CreateInsertEntity(table, action.Entity),
        TableTransactionActionType.UpdateMerge => CreateUpdateEntity(table, action.Entity, TableUpdateMode.Merge, action.ETag),
        TableTransactionActionType.UpdateReplace => CreateUpdateEntity(table, action.Entity, TableUpdateMode.Replace, action.ETag),
        TableTransactionActionType.UpsertMerge => CreateUpdateEntity(table, action.Entity, TableUpdateMode.Merge, default),
        TableTransactionActionType.UpsertReplace => CreateUpdateEntity(table, action.Entity, TableUpdateMode.Replace, default),
        TableTransactionActionType.Delete => CreateDeleteEntity(table, action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, NoContent),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
    };

    private HttpMessage CreateInsertEntity(string table, ITableEntity entity)
    {
        HttpMessage message = CreateMessage(RequestMethod.Post, EscapeSegment(table), NoContent);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message.Request, EntityJson.Serialize(entity));
        return message;
    }

    private HttpMessage CreateUpdateEntity(string table, ITableEntity entity, TableUpdateMode mode, ETag ifMatch)
    {
        RequestMethod method = mode switch
        {
            TableUpdateMode.Replace => RequestMethod.Put,
            TableUpdateMode.Merge => RequestMethod.Patch,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
        };
        HttpMessage message = CreateMessage(method, EntityPath(table, entity.PartitionKey, entity.RowKey), NoContent);
        if (ifMatch != default)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch.ToString());
        }

        SetJsonContent(message.Request, EntityJson.Serialize(entity));
        return message;
    }

    private HttpMessage CreateDeleteEntity(string table, string partitionKey, string rowKey, ETag ifMatch, ResponseClassifier classifier)
    {
        HttpMessage message = CreateMessage(RequestMethod.Delete, EntityPath(table, partitionKey, rowKey), classifier);
        // The service requires If-Match on deletes; "*" deletes whatever version is stored.
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch == default ? ETag.All.ToString() : ifMatch.ToString());
        return message;
    }

    private HttpMessage CreateMessage(RequestMethod method, string relativePath, ResponseClassifier classifier)
    {
        HttpMessage message = _pipeline.CreateMessage();
        message.ResponseClassifier = classifier;
        Request request = message.Request;
        request.Method = method;
        request.Uri.Reset(_endpoint);
        // AppendPath joins with a single slash whether or not the endpoint ends with one.
        request.Uri.AppendPath("/" + relativePath, escape: false);
        request.Headers.SetValue(HttpHeader.Names.Accept, MinimalMetadata);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("x-ms-version", _version);
        return message;
    }

    private async ValueTask<Response> SendAsync(HttpMessage message, bool async, CancellationToken cancellationToken, bool transaction = false)
    {
        if (async)
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _pipeline.Send(message, cancellationToken);
        }

        Response response = message.Response;
        if (response.IsError)
        {
            var failure = new RequestFailedException(response);
            throw transaction ? new TableTransactionFailedException(failure) : failure;
        }

        return response;
    }

    private static void SetJsonContent(Request request, byte[] json)
    {
        request.Headers.SetValue(HttpHeader.Names.ContentType, NoMetadata);
        request.Content = RequestContent.Create(json);
    }

    private static void AppendQueryOptions(RequestUriBuilder uri, string? filter, IEnumerable<string>? select, int? top)
    {
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        if (select is not null)
        {
            uri.AppendQuery("$select", string.Join(",", select));
        }

        if (top is not null)
        {
            uri.AppendQuery("$top", top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static List<T> ReadValueArray<T>(Response response, Func<JsonElement, T> read)
    {
        using JsonDocument document = JsonDocument.Parse(response.Content);
        return document.RootElement.GetProperty("value").EnumerateArray().Select(read).ToList();
    }

    private static string? GetContinuationHeader(Response response, string name) =>
        response.Headers.TryGetValue(ContinuationHeaderPrefix + name, out string? value) && value.Length > 0 ? value : null;

    private static string EntityPath(string table, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return $"{EscapeSegment(table)}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";
    }

    // A key is an OData string literal inside the path: quotes are doubled, then the whole is percent-encoded.
    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static string EscapeSegment(string segment) => Uri.EscapeDataString(segment);
}
