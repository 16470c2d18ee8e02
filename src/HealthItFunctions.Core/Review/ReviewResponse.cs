namespace HealthItFunctions.Core.Review;

/// <summary>
/// An RFC 9457 problem, host-neutral: the Functions app and the local host turn it into application/problem+json the
/// same way. <see cref="Errors"/> names each bad field, as a validation problem does.
/// </summary>
public sealed record ReviewProblem(
    int Status,
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>A file the API returns as bytes (the bulletin preview).</summary>
public sealed record ReviewFile(byte[] Content, string ContentType, string? DownloadName);

/// <summary>What an endpoint answers: a JSON body, a file, or a problem, with the status and caching headers.</summary>
public sealed record ReviewResponse
{
    public int Status { get; init; } = 200;

    public object? Body { get; init; }

    public ReviewFile? File { get; init; }

    public ReviewProblem? Problem { get; init; }

    /// <summary>The entity tag of the returned article, for the next If-Match.</summary>
    public string? ETag { get; init; }

    public string? Location { get; init; }

    public static ReviewResponse Ok(object body, string? etag = null) => new() { Body = body, ETag = etag };

    public static ReviewResponse Fail(int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new() { Status = status, Problem = new ReviewProblem(status, title, detail, Extensions: extensions) };

    public static ReviewResponse Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ReviewResponse Invalid(IReadOnlyDictionary<string, string[]> errors) => new()
    {
        Status = 400,
        Problem = new ReviewProblem(400, "The request is not valid", "Nothing was changed; correct the named fields and send it again.", errors),
    };
}
