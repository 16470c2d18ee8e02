namespace Azure.Data.Tables;

/// <summary>Fetches one page of a query, starting at <paramref name="continuationToken"/> (null: the first page).</summary>
internal delegate ValueTask<Page<T>> PageFetcher<T>(string? continuationToken, int? pageSizeHint, bool async);

/// <summary>A query whose pages are fetched on demand and which can resume from any page's continuation token.</summary>
internal sealed class TablePageable<T>(PageFetcher<T> fetchPage, CancellationToken cancellationToken) : Pageable<T>(cancellationToken)
    where T : notnull
{
    public override IEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        string? token = continuationToken;
        do
        {
            Page<T> page = fetchPage(token, pageSizeHint, async: false).EnsureCompleted();
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}

/// <inheritdoc cref="TablePageable{T}"/>
internal sealed class TableAsyncPageable<T>(PageFetcher<T> fetchPage, CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        string? token = continuationToken;
        do
        {
            Page<T> page = await fetchPage(token, pageSizeHint, async: true).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
