using System.Net.Http.Headers;
using System.Text;
using HealthItFunctions.Core.Review;
using Microsoft.AspNetCore.Http;

namespace HealthItFunctions.Functions.Review;

/// <summary>
/// The one web adapter: who is editing, request bodies (capped in bytes, JSON only), and Core's domain results as
/// HTTP (status, ETag, Location, application/problem+json). The HTTP functions use it under the Functions host and
/// under `healthit serve` alike, because serve invokes these same functions.
/// </summary>
internal static class ReviewHttp
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The signed-in editor. App Service Authentication sets this header (and strips any the caller sent); serve sets
    /// it from Review:Editor after checking the bearer token.
    /// </summary>
    public static string Editor(HttpRequest request) =>
        request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString() is { Length: > 0 } name ? name : "function key";

    /// <summary>A JSON request body as text; otherwise the answer to send (413 too large, 415 not JSON).</summary>
    public static async Task<(string? Body, IResult? Refusal)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(request, MaxBodyBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, TooLarge(MaxBodyBytes, "A review request body"));
        }

        // An empty body needs no type (publish confirms by query); anything else must say it is JSON.
        if ((bytes.Length > 0 || request.ContentType is { Length: > 0 }) && !IsJson(request.ContentType))
        {
            return (null, Results.Problem(
                $"Send the body as JSON with 'Content-Type: application/json' (got '{request.ContentType ?? "none"}').",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON required"));
        }

        return (Encoding.UTF8.GetString(bytes), null);
    }

    /// <summary>The body's bytes, or null when it is larger than <paramref name="maxBytes"/> (declared or actually sent).</summary>
    public static async Task<byte[]?> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    public static IResult TooLarge(long maxBytes, string what) =>
        Results.Problem($"{what} is at most {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");

    public static IResult ToResult(ReviewResponse response, HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        if (response.Version is { } version)
        {
            headers.ETag = version;
        }

        if (response.ArticleId is { } id)
        {
            headers.Location = $"/api/articles/{id}/history";
        }

        var status = StatusOf(response.Outcome);
        if (response.Error is { } error)
        {
            return error.Errors is { } errors
                ? Results.ValidationProblem(errors, error.Detail, statusCode: status, title: error.Title)
                : Results.Problem(error.Detail, statusCode: status, title: error.Title, extensions: error.Extensions);
        }

        return response.File is { } file
            ? Results.File(file.Content, file.ContentType, file.DownloadName)
            : Results.Json(response.Body, ReviewJson.Options, statusCode: status);
    }

    internal static int StatusOf(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Ok => StatusCodes.Status200OK,
        ReviewOutcome.Created => StatusCodes.Status201Created,
        ReviewOutcome.Invalid => StatusCodes.Status400BadRequest,
        ReviewOutcome.NotFound => StatusCodes.Status404NotFound,
        ReviewOutcome.VersionRequired => StatusCodes.Status428PreconditionRequired,
        ReviewOutcome.Stale => StatusCodes.Status412PreconditionFailed,
        ReviewOutcome.Conflict => StatusCodes.Status409Conflict,
        ReviewOutcome.Refused => StatusCodes.Status422UnprocessableEntity,
        ReviewOutcome.Unreachable => StatusCodes.Status502BadGateway,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A review outcome without an HTTP status."),
    };

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
