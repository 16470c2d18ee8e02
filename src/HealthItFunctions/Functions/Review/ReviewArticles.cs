using HealthItFunctions.Core.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Review;

/// <summary>The month's candidates: list, edit (If-Match), add by URL, and each article's edit history.</summary>
public sealed class ReviewArticles(ReviewService review)
{
    [Function("ReviewListArticles")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "months/{month}/articles")] HttpRequest request,
        string month,
        CancellationToken cancellationToken)
    {
        var q = request.Query;
        var query = new ReviewQuery(Value(q, "band"), Value(q, "source"), Value(q, "q"), Value(q, "page"), Value(q, "pageSize"));
        return ReviewHttp.ToResult(await review.ListAsync(month, query, cancellationToken), request);
    }

    [Function("ReviewEditArticle")]
    public async Task<IResult> Edit(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "articles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReviewHttp.ReadJsonAsync(request, cancellationToken);
        return refusal ?? ReviewHttp.ToResult(await review.EditAsync(id, body, request.Headers.IfMatch.ToString(), ReviewHttp.Editor(request), cancellationToken), request);
    }

    [Function("ReviewAddArticle")]
    public async Task<IResult> Add(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "months/{month}/articles")] HttpRequest request,
        string month,
        CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReviewHttp.ReadJsonAsync(request, cancellationToken);
        return refusal ?? ReviewHttp.ToResult(await review.AddAsync(month, body, ReviewHttp.Editor(request), cancellationToken), request);
    }

    [Function("ReviewArticleHistory")]
    public async Task<IResult> History(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/history")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        ReviewHttp.ToResult(await review.HistoryAsync(id, cancellationToken), request);

    private static string? Value(IQueryCollection query, string key) => query.TryGetValue(key, out var value) ? value.ToString() : null;
}
