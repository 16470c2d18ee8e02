using System.Net;
using HealthItFunctions.Core.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using HealthItFunctions.Infrastructure.Http;
using Polly;

// In the parent namespace so AddInfrastructure() and tests reach it without another using.
namespace HealthItFunctions.Infrastructure;

public static class PageFetchingServiceCollectionExtensions
{
    /// <summary>The named client behind <see cref="IPageFetcher"/> and robots.txt: guarded, paced, resilient.</summary>
    public const string ClientName = "HealthItFunctions.Polling";

    /// <summary>Registers <see cref="IPageFetcher"/>, <see cref="IHostPacer"/> and <see cref="IRobotsPolicy"/> from the "Polling" section; the clock is the host's one <see cref="TimeProvider"/> (AddCore).</summary>
    public static IServiceCollection AddPageFetching(this IServiceCollection services)
    {
        services.AddOptions<PollingOptions>()
            .BindConfiguration(PollingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PollingOptions>, PollingOptionsValidator>();
        services.AddSingleton<SsrfGuard>();
        services.TryAddSingleton<IHostPacer, InProcessHostPacer>();
        services.TryAddSingleton<IRobotsPolicy, HttpRobotsPolicy>();
        services.AddTransient<HostMappingHandler>();

        var client = services.AddHttpClient(ClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                // Our own deadlines (Polling:Timeout, AttemptTimeout) govern; HttpClient's default 100 s would cut across them.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(provider.GetRequiredService<IOptions<PollingOptions>>().Value.UserAgent);
                http.DefaultRequestHeaders.Accept.ParseAdd(ContentTypes.AcceptHeader);
                http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // Redirects are followed by the fetcher so that every hop meets robots.txt and the SSRF guard.
                AllowAutoRedirect = false,
                // A proxy would hide the real destination from the ConnectCallback's check.
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(15),
                ConnectCallback = provider.GetRequiredService<SsrfGuard>().ConnectAsync,
            });

        // One pipeline instance per scheme+host+port: one host's open circuit does not stop the others.
        client.AddResilienceHandler("polling", ConfigureResilience).SelectPipelineByAuthority();
        client.AddHttpMessageHandler<HostMappingHandler>();
        client.AddTypedClient<IPageFetcher, HttpPageFetcher>();
        return services;
    }

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var settings = context.ServiceProvider.GetRequiredService<IOptions<PollingOptions>>().Value;
        var pacer = context.ServiceProvider.GetRequiredService<IHostPacer>();
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();

        pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(settings.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    settings.MaxRetries > 0 && IsTransient(args.Outcome) && !WaitsTooLong(args.Outcome, settings, time)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                // Polling is a few requests per host per cycle: trip on a handful of failures, not on a percentage of hundreds.
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromMinutes(2),
                BreakDuration = settings.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddStrategy(_ => new PacingStrategy(pacer))
            .AddTimeout(settings.AttemptTimeout);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) && outcome.Exception?.InnerException is not SsrfRefusedException;

    /// <summary>A Retry-After beyond <see cref="PollingOptions.MaxRetryAfter"/> ends the fetch; the next poll comes back later.</summary>
    private static bool WaitsTooLong(Outcome<HttpResponseMessage> outcome, PollingOptions settings, TimeProvider time)
    {
        if (outcome.Result?.Headers.RetryAfter is not { } retryAfter)
        {
            return false;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date - time.GetUtcNow()) ?? TimeSpan.Zero;
        return wait > settings.MaxRetryAfter;
    }
}
