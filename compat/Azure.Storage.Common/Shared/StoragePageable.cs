namespace Azure.Storage;

/// <summary>Fetches one page of a listing: (continuation token, page size hint, async, cancellation) → page.</summary>
internal delegate Task<Page<T>> PageFetcher<T>(string continuationToken, int? pageSizeHint, bool async, CancellationToken cancellationToken);

/// <summary>A listing fetched page by page, lazily, following the service's continuation markers.</summary>
internal sealed class StoragePageable<T> : Pageable<T>
{
    private readonly PageFetcher<T> _fetchPage;

    public StoragePageable(PageFetcher<T> fetchPage, CancellationToken cancellationToken)
        : base(cancellationToken) => _fetchPage = fetchPage;

    public override IEnumerable<Page<T>> AsPages(string continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = _fetchPage(continuationToken, pageSizeHint, false, CancellationToken).EnsureCompleted();
            continuationToken = page.ContinuationToken;
            yield return page;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }
}

/// <summary>The asynchronous twin of <see cref="StoragePageable{T}"/>.</summary>
internal sealed class StorageAsyncPageable<T> : AsyncPageable<T>
{
    private readonly PageFetcher<T> _fetchPage;

    public StorageAsyncPageable(PageFetcher<T> fetchPage, CancellationToken cancellationToken)
        : base(cancellationToken) => _fetchPage = fetchPage;

    public override async IAsyncEnumerable<Page<T>> AsPages(string continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = await _fetchPage(continuationToken, pageSizeHint, true, CancellationToken).ConfigureAwait(false);
            continuationToken = page.ContinuationToken;
            yield return page;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }
}
