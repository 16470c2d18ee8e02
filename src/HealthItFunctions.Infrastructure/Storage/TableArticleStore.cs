using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Articles in Table Storage: table <c>articles</c> (PartitionKey = Beijing month yyyyMM, RowKey = article id),
/// and table <c>articleindex</c> (PartitionKey = article id) so "seen?" and "which month?" are one point read.
/// Bodies too large for a property go to blob <c>articles/yyyy/MM/&lt;id&gt;.json</c>, written first. The index entry
/// names the row's month before the row exists (<see cref="ArticleIndexEntries"/>), and a move rolls forward
/// (<see cref="ArticleMonthMove"/>), so a crash or a retry never leaves a second row that a reader takes for the article.
/// </summary>
internal sealed class TableArticleStore : IArticleStore
{
    private readonly LazyResource<TableClient> _articles;
    private readonly LazyResource<TableClient> _index;
    private readonly LazyResource<BlobContainerClient> _bodies;

    public TableArticleStore(TableServiceClient tables, BlobServiceClient blobs)
    {
        _articles = StorageResources.Table(tables, StorageNames.ArticlesTable);
        _index = StorageResources.Table(tables, StorageNames.ArticleIndexTable);
        _bodies = StorageResources.Container(blobs, StorageNames.ArticleBodiesContainer);
    }

    public async Task<bool> IsKnownAsync(string articleId, CancellationToken cancellationToken) =>
        await GetStateAsync(articleId, cancellationToken) != LinkState.Unknown;

    public async Task<LinkState> GetStateAsync(string articleId, CancellationToken cancellationToken)
    {
        var index = await _index.GetAsync(cancellationToken);
        return await ArticleIndexEntries.ReadAsync(index, articleId, ["State"], cancellationToken) is { } entry
            ? ArticleIndexEntries.StateOf(entry)
            : LinkState.Unknown;
    }

    public async Task RecordDroppedAsync(string articleId, string url, string reason, CancellationToken cancellationToken)
    {
        var index = await _index.GetAsync(cancellationToken);
        await ArticleIndexEntries.WriteUnlessStoredAsync(index,
            new TableEntity(articleId, "") { ["State"] = "dropped", ["Url"] = url, ["Reason"] = reason }, cancellationToken);
    }

    public async Task<LinkState> ForgetAsync(string articleId, CancellationToken cancellationToken) =>
        await ArticleIndexEntries.ForgetAsync(await _index.GetAsync(cancellationToken), articleId, cancellationToken);

    public async Task<BulletinMonth> ClaimMonthAsync(string articleId, BulletinMonth month, CancellationToken cancellationToken)
    {
        var index = await _index.GetAsync(cancellationToken);
        return StorageNames.MonthOf(await ArticleIndexEntries.ClaimMonthAsync(index, articleId, StorageNames.PartitionKey(month), cancellationToken));
    }

    public async Task<AddOutcome> AddAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        var bodyJson = ArticleEntityMapper.SerializeBody(article.Paragraphs);
        string? bodyBlob = null;
        if (bodyJson.Length > ArticleEntityMapper.MaxInlineBodyChars)
        {
            bodyBlob = $"{article.Month.Year:D4}/{article.Month.Month:D2}/{article.Id}.json";
            var bodies = await _bodies.GetAsync(cancellationToken);
            await bodies.GetBlobClient(bodyBlob).UploadAsync(BinaryData.FromString(bodyJson), overwrite: true, cancellationToken);
        }

        var articles = await _articles.GetAsync(cancellationToken);
        var outcome = AddOutcome.Added;
        try
        {
            await articles.AddEntityAsync(ArticleEntityMapper.ToEntity(article, bodyJson, bodyBlob), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            outcome = AddOutcome.AlreadyPresent;
        }

        return outcome;
    }

    public async Task MarkStoredAsync(string articleId, BulletinMonth month, CancellationToken cancellationToken) =>
        await ArticleIndexEntries.MarkStoredAsync(await _index.GetAsync(cancellationToken), articleId, StorageNames.PartitionKey(month), cancellationToken);

    public async Task SetClusterAsync(IReadOnlyCollection<ArticleFingerprint> members, string clusterId, CancellationToken cancellationToken)
    {
        var articles = await _articles.GetAsync(cancellationToken);
        // A merge of one property under ETag *: an editor's concurrent Replace (under its own ETag) then meets 412 and
        // reloads, so neither write is lost. A month is a partition, so its members change in one transaction.
        foreach (var partition in members.GroupBy(m => StorageNames.PartitionKey(m.Month)))
        {
            var updates = partition.Select(m => new TableEntity(partition.Key, m.Id) { ["ClusterId"] = clusterId }).ToList();
            if (updates.Count == 1)
            {
                await articles.UpdateEntityAsync(updates[0], ETag.All, TableUpdateMode.Merge, cancellationToken);
                continue;
            }

            foreach (var chunk in updates.Chunk(100))
            {
                await articles.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateMerge, e, ETag.All)), cancellationToken);
            }
        }
    }

    public async Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(articleId, cancellationToken);
        return entity is null ? null : ArticleEntityMapper.FromEntity(entity, await BodyOfAsync(entity, cancellationToken));
    }

    public async Task<IReadOnlyList<StoredArticle>> ListMonthAsync(BulletinMonth month, CancellationToken cancellationToken)
    {
        var articles = await _articles.GetAsync(cancellationToken);
        var result = new List<StoredArticle>();
        await foreach (var entity in articles.QueryAsync<TableEntity>(e => e.PartitionKey == StorageNames.PartitionKey(month), cancellationToken: cancellationToken))
        {
            if (!await LivesHereAsync(entity, cancellationToken))
            {
                continue;
            }

            result.Add(ArticleEntityMapper.FromEntity(entity, await BodyOfAsync(entity, cancellationToken)));
        }

        return result;
    }

    public async Task<IReadOnlyList<ArticleFingerprint>> ListFingerprintsAsync(IEnumerable<BulletinMonth> months, CancellationToken cancellationToken)
    {
        var articles = await _articles.GetAsync(cancellationToken);
        var result = new List<ArticleFingerprint>();
        foreach (var month in months.Distinct())
        {
            var query = articles.QueryAsync<TableEntity>(e => e.PartitionKey == StorageNames.PartitionKey(month),
                select: ["PartitionKey", "RowKey", "ClusterId", "PublishedAt", "Fingerprint", "Fingerprint2", "Sketch", "Shingles", "SourceId", "Decision", "Media",
                    ArticleMonthMove.MovingTo, ArticleMonthMove.MovedFrom],
                cancellationToken: cancellationToken);
            await foreach (var entity in query)
            {
                if (!await LivesHereAsync(entity, cancellationToken))
                {
                    continue;
                }

                result.Add(new ArticleFingerprint(entity.RowKey, month, entity.GetString("ClusterId") ?? entity.RowKey,
                    entity.GetDateTimeOffset("PublishedAt"), unchecked((ulong)(entity.GetInt64("Fingerprint") ?? 0)), entity.GetString("SourceId"),
                    Enum.TryParse<EditorDecision>(entity.GetString("Decision"), out var decision) ? decision : null, entity.GetString("Media"),
                    unchecked((ulong)(entity.GetInt64("Fingerprint2") ?? 0)), entity.GetString("Sketch"), entity.GetInt32("Shingles") ?? 0));
            }
        }

        return result;
    }

    public async Task<StoredArticle> EditAsync(string articleId, ArticleEdit edit, string? ifMatch, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(articleId, cancellationToken) ?? throw new ArticleNotFoundException(articleId);
        var etag = ifMatch is null ? entity.ETag : new ETag(ifMatch);
        if (etag != entity.ETag)
        {
            throw new ConcurrentEditException(articleId);
        }

        var articles = await _articles.GetAsync(cancellationToken);
        if (ArticleMonthMove.IsMarked(entity))
        {
            // A move that died half-way: finish it (the editor saw this row, so the ETag check above stands), then edit.
            await ArticleMonthMove.FinishAsync(articles, await _index.GetAsync(cancellationToken), entity, cancellationToken);
            entity = await GetEntityAsync(articleId, cancellationToken) ?? throw new ArticleNotFoundException(articleId);
            etag = entity.ETag;
        }

        ArticleEntityMapper.ApplyEdit(entity, edit);
        try
        {
            if (edit.AssignMonth is { } month && StorageNames.PartitionKey(month) != entity.PartitionKey)
            {
                await ArticleMonthMove.MoveAsync(articles, await _index.GetAsync(cancellationToken), entity, StorageNames.PartitionKey(month), etag, cancellationToken);
            }
            else
            {
                await articles.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ConcurrentEditException(articleId);
        }

        return await GetAsync(articleId, cancellationToken) ?? throw new ArticleNotFoundException(articleId);
    }

    /// <summary>
    /// A row marked by a move is the article only in the month the index names (one index read, for the few rows a
    /// move left marked); every other row is.
    /// </summary>
    private async Task<bool> LivesHereAsync(TableEntity row, CancellationToken cancellationToken)
    {
        if (!ArticleMonthMove.IsMarked(row))
        {
            return true;
        }

        var index = await _index.GetAsync(cancellationToken);
        return await ArticleIndexEntries.ReadAsync(index, row.RowKey, ["Month"], cancellationToken) is { } entry
            && entry.GetString("Month") == row.PartitionKey;
    }

    private async Task<TableEntity?> GetEntityAsync(string articleId, CancellationToken cancellationToken)
    {
        var index = await _index.GetAsync(cancellationToken);
        var entry = await index.GetEntityIfExistsAsync<TableEntity>(articleId, "", cancellationToken: cancellationToken);
        if (!entry.HasValue || entry.Value!.GetString("Month") is not { } partition)
        {
            return null;
        }

        var articles = await _articles.GetAsync(cancellationToken);
        var found = await articles.GetEntityIfExistsAsync<TableEntity>(partition, articleId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private async Task<IReadOnlyList<string>> BodyOfAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        if (entity.GetString("BodyBlob") is not { } blobName)
        {
            return ArticleEntityMapper.InlineBody(entity);
        }

        var bodies = await _bodies.GetAsync(cancellationToken);
        var content = await bodies.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return System.Text.Json.JsonSerializer.Deserialize<List<string>>(content.Value.Content.ToString()) ?? [];
    }
}
