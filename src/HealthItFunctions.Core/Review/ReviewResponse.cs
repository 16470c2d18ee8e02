namespace HealthItFunctions.Core.Review;

/// <summary>
/// How a review request ended, in the domain's words. The app's one web adapter (ReviewHttp) maps each to an HTTP
/// status; Core knows nothing of HTTP.
/// </summary>
public enum ReviewOutcome
{
    /// <summary>Done; the body is the answer.</summary>
    Ok,

    /// <summary>A new article joined the month.</summary>
    Created,

    /// <summary>The request names bad fields; nothing was changed.</summary>
    Invalid,

    /// <summary>No such article.</summary>
    NotFound,

    /// <summary>A change came without the version it was made against (an article's ETag, the previewed bulletin's plan hash).</summary>
    VersionRequired,

    /// <summary>The article or bulletin changed since the version the editor sent.</summary>
    Stale,

    /// <summary>The request conflicts with what is already done (sent already, edited concurrently).</summary>
    Conflict,

    /// <summary>Understood but refused: not an article, a refused URL, a link seen before.</summary>
    Refused,

    /// <summary>The page the editor asked for could not be fetched now; trying later may work.</summary>
    Unreachable,
}

/// <summary>
/// Why a request failed, for the editor: a title, what to do, the bad fields by name, and any extra facts
/// (the adapter renders it as an RFC 9457 problem).
/// </summary>
public sealed record ReviewError(
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>A file the API returns as bytes (the bulletin preview).</summary>
public sealed record ReviewFile(byte[] Content, string ContentType, string? DownloadName);

/// <summary>What a review request produced: a body, a file, or an error, with the article's version when there is one.</summary>
public sealed record ReviewResponse
{
    public ReviewOutcome Outcome { get; init; } = ReviewOutcome.Ok;

    public object? Body { get; init; }

    public ReviewFile? File { get; init; }

    public ReviewError? Error { get; init; }

    /// <summary>The returned article's version, to send back with the next edit.</summary>
    public string? Version { get; init; }

    /// <summary>The article an add created or found, so the caller can follow it.</summary>
    public string? ArticleId { get; init; }

    public static ReviewResponse Ok(object body, string? version = null) => new() { Body = body, Version = version };

    public static ReviewResponse Fail(ReviewOutcome outcome, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new() { Outcome = outcome, Error = new ReviewError(title, detail, Extensions: extensions) };

    public static ReviewResponse Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ReviewResponse Invalid(IReadOnlyDictionary<string, string[]> errors) => new()
    {
        Outcome = ReviewOutcome.Invalid,
        Error = new ReviewError("The request is not valid", "Nothing was changed; correct the named fields and send it again.", errors),
    };
}
