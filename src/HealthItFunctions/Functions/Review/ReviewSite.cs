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

    /// <summary>
    /// The page holds no data and no secret, so it needs no key: in Azure, App Service Authentication still signs the
    /// editor in before it loads, and the page sends the ?code= function key with every API call; locally it asks
    /// for Review:Token.
    /// </summary>
    [Function("ReviewPage")]
    public IResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review")] HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ReviewPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return Results.Bytes(ReviewPage.Html, ReviewPage.ContentType);
    }
}
