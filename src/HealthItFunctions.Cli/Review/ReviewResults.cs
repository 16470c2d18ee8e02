using HealthItFunctions.Core.Review;
using Microsoft.AspNetCore.Http;

namespace HealthItFunctions.Cli.Review;

/// <summary>ReviewResponse → IResult: problems as application/problem+json (RFC 9457), files as bytes, the rest as JSON.</summary>
internal static class ReviewResults
{
    public static IResult ToResult(ReviewResponse response, HttpContext http)
    {
        if (response.ETag is { } etag)
        {
            http.Response.Headers.ETag = etag;
        }

        if (response.Location is { } location)
        {
            http.Response.Headers.Location = location;
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
