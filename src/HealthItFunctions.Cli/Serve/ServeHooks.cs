using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// THE place where features built elsewhere join `healthit serve`. Each needs one line here:
/// <list type="bullet">
/// <item>Review API and page (HealthItFunctions.Cli.Review): <c>services.AddReviewHosting();</c> in <see cref="AddServices"/>,
/// <c>endpoints.MapReview();</c> in <see cref="MapEndpoints"/>, and its functions in <see cref="ExtraHttpTriggers"/>.</item>
/// <item>DailyDigest: a timer in <see cref="ExtraTimers"/>, e.g.
/// <c>new("DailyDigest", "DigestSchedule", (sp, timer, ct) => sp.GetRequiredService&lt;DigestService&gt;().SendAsync(ct))</c>.</item>
/// </list>
/// The parity test (ServeParityTests) fails until every function of the Functions app has its counterpart here.
/// </summary>
internal static class ServeHooks
{
    /// <summary>Timers beyond PollSources and PublishBulletin. DailyDigest goes here.</summary>
    public static IEnumerable<ServeTimer> ExtraTimers => [];

    /// <summary>HTTP functions the hooks below serve, as (function, "httpTrigger", route) for the parity test.</summary>
    public static IEnumerable<ServeTrigger> ExtraHttpTriggers => [];

    /// <summary>REVIEW HOOK (services): <c>services.AddReviewHosting();</c></summary>
    public static IServiceCollection AddServices(IServiceCollection services) => services;

    /// <summary>REVIEW HOOK (endpoints): <c>endpoints.MapReview();</c> — it runs behind the token check of <see cref="ServeHost"/>.</summary>
    public static IEndpointRouteBuilder MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints;
}
