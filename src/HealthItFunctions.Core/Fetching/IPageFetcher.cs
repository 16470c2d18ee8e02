namespace HealthItFunctions.Core.Fetching;

/// <summary>
/// Fetches one page or feed over HTTP. The adapter owns politeness (robots.txt, pacing, User-Agent),
/// resilience, the SSRF guard and the body cap; callers only see the outcome.
/// </summary>
public interface IPageFetcher
{
    Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}

/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="ETag">Validator from the previous fetch, for a conditional GET.</param>
/// <param name="LastModified">Validator from the previous fetch, for a conditional GET.</param>
/// <param name="Kind">What the caller expects: a page or feed (HTML, XML, JSON), or a picture (image/* only, under its own cap).</param>
public sealed record FetchRequest(Uri Url, string? ETag = null, DateTimeOffset? LastModified = null, FetchKind Kind = FetchKind.Page)
{
    /// <summary>A body to POST (JSON list endpoints that take their query in the body); null is a GET.</summary>
    public string? PostBody { get; init; }

    /// <summary>The POST body's media type.</summary>
    public string PostContentType { get; init; } = "application/json";

    public bool IsPost => PostBody is not null;
}

public enum FetchKind
{
    /// <summary>HTML, a feed or a JSON list, up to Polling:MaxBodyBytes.</summary>
    Page,

    /// <summary>A body picture: image content types only, up to <see cref="Images.ImageLimits.MaxBytes"/>.</summary>
    Image,
}

public enum FetchOutcome
{
    /// <summary>2xx with a body of an accepted content type.</summary>
    Ok,

    /// <summary>304: the validators still hold; nothing to parse.</summary>
    NotModified,

    /// <summary>The server or the network failed (after retries): worth trying again later.</summary>
    Failed,

    /// <summary>We chose not to fetch or keep it (robots.txt, SSRF guard, content type, size): retrying won't help.</summary>
    Refused,
}

public sealed record FetchedPage
{
    public required Uri RequestedUrl { get; init; }

    /// <summary>Where the redirects ended.</summary>
    public required Uri FinalUrl { get; init; }

    public required FetchOutcome Outcome { get; init; }

    /// <summary>The last HTTP status, or 0 when no response arrived.</summary>
    public int StatusCode { get; init; }

    public byte[] Body { get; init; } = [];

    public string? ContentType { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Why the outcome is Failed or Refused, in words an operator can act on.</summary>
    public string? Reason { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public bool IsOk => Outcome == FetchOutcome.Ok;
}
