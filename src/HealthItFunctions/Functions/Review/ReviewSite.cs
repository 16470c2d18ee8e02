using HealthItFunctions.Core.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Review;

/// <summary>The review page (one self-contained document) and the source list it shows as badges.</summary>
public sealed class ReviewSite(ReviewService review)
{
    [Function("ReviewSources")]
    public IResult Sources(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sources")] HttpRequest request) =>
        ReviewHttp.ToResult(review.Sources(), request);

    /// <summary>Opened as /api/review?code=&lt;function key&gt; behind App Service Authentication; the page sends the key on.</summary>
    [Function("ReviewPage")]
    public IResult Page(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "review")] HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ReviewPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return Results.Bytes(ReviewPage.Html, ReviewPage.ContentType);
    }
}
