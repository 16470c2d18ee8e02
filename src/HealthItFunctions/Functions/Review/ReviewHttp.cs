using System.Text;
using HealthItFunctions.Core.Review;
using Microsoft.AspNetCore.Http;

namespace HealthItFunctions.Functions.Review;

/// <summary>The review functions' shared plumbing: who is editing, the body as text, and ReviewResponse → IResult.</summary>
internal static class ReviewHttp
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>App Service Authentication sets this header after signing the editor in (and strips any sent by the caller).</summary>
    public static string Editor(HttpRequest request) =>
        request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString() is { Length: > 0 } name ? name : "function key";

    public static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > MaxBodyBytes ? null : new string(buffer, 0, total);
    }

    public static IResult TooLarge() =>
        Results.Problem($"A review request body is at most {MaxBodyBytes / 1024} KiB.", statusCode: 413, title: "Request too large");

    public static IResult ToResult(ReviewResponse response, HttpRequest request)
    {
        if (response.ETag is { } etag)
        {
            request.HttpContext.Response.Headers.ETag = etag;
        }

        if (response.Location is { } location)
        {
            request.HttpContext.Response.Headers.Location = "/api" + location[4..];
        }

        if (response.Problem is { } problem)
        {
            return problem.Errors is { } errors
                ? Results.ValidationProblem(errors, problem.Detail, statusCode: problem.Status, title: problem.Title)
                : Results.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title, extensions: problem.Extensions);
        }

        return response.File is { } file
            ? Results.File(file.Content, file.ContentType, file.DownloadName)
            : Results.Json(response.Body, ReviewJson.Options, statusCode: response.Status);
    }
}
