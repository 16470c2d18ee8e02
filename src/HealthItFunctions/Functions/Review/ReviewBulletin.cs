using HealthItFunctions.Core.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Review;

/// <summary>The month's bulletin for editors: preview without publishing, what publishing would send, and publish.</summary>
public sealed class ReviewBulletin(ReviewService review)
{
    [Function("ReviewPreviewBulletin")]
    public async Task<IResult> Preview(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "months/{month}/bulletin/preview")] HttpRequest request,
        string month,
        CancellationToken cancellationToken) =>
        ReviewHttp.ToResult(await review.PreviewAsync(month, request.Query["format"].FirstOrDefault(), cancellationToken), request);

    [Function("ReviewBulletinPlan")]
    public async Task<IResult> Plan(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "months/{month}/bulletin")] HttpRequest request,
        string month,
        CancellationToken cancellationToken) =>
        ReviewHttp.ToResult(await review.PlanAsync(month, cancellationToken), request);

    [Function("ReviewPublishBulletin")]
    public async Task<IResult> Publish(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "months/{month}/bulletin/publish")] HttpRequest request,
        string month,
        CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReviewHttp.ReadJsonAsync(request, cancellationToken);
        return refusal ?? ReviewHttp.ToResult(await review.PublishAsync(month, request.Query["confirm"].FirstOrDefault(), body,
            request.Headers.IfMatch.ToString(), ReviewHttp.Editor(request), cancellationToken), request);
    }
}
