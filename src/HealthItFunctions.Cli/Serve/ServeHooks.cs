using HealthItFunctions.Cli.Review;
using HealthItFunctions.Core.Publishing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// Where features built beside the pipeline join `healthit serve`: the review API and page, and the daily digest.
/// The parity test (ServeParityTests) fails until every function of the Functions app has its counterpart here or in
/// <see cref="ServeTriggers"/>.
/// </summary>
internal static class ServeHooks
{
    /// <summary>Timers beyond PollSources and PublishBulletin.</summary>
    public static IEnumerable<ServeTimer> ExtraTimers =>
    [
        new("DailyDigest", "DigestSchedule", (services, _, ct) => services.GetRequiredService<DigestService>().RunAsync(dryRun: false, ct)),
    ];

    /// <summary>The review functions, as (function, "httpTrigger", route), served by <see cref="MapEndpoints"/>.</summary>
    public static IEnumerable<ServeTrigger> ExtraHttpTriggers =>
    [
        new("ReviewListArticles", "httpTrigger", "months/{month}/articles"),
        new("ReviewEditArticle", "httpTrigger", "articles/{id}"),
        new("ReviewAddArticle", "httpTrigger", "months/{month}/articles"),
        new("ReviewArticleHistory", "httpTrigger", "articles/{id}/history"),
        new("ReviewPreviewBulletin", "httpTrigger", "months/{month}/bulletin/preview"),
        new("ReviewBulletinPlan", "httpTrigger", "months/{month}/bulletin"),
        new("ReviewPublishBulletin", "httpTrigger", "months/{month}/bulletin/publish"),
        new("ReviewSources", "httpTrigger", "sources"),
        new("ReviewPage", "httpTrigger", "review"),
    ];

    public static IServiceCollection AddServices(IServiceCollection services) => services.AddReviewHosting();

    /// <summary>The review page and API, behind the review host's own loopback and token checks.</summary>
    public static IEndpointRouteBuilder MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapReview();
}
