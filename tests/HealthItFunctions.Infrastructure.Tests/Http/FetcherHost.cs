using HealthItFunctions.Core;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Infrastructure.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Tests.Http;

/// <summary>The fetching services registered as AddInfrastructure does, with settings small enough for fast tests.</summary>
internal sealed class FetcherHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FetcherHost(ServiceProvider services) => _services = services;

    public IPageFetcher Fetcher => _services.GetRequiredService<IPageFetcher>();

    public PollingOptions Options => _services.GetRequiredService<IOptions<PollingOptions>>().Value;

    public static FetcherHost Create(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Polling:UserAgentContact"] = "ops@example.org",
            ["Polling:PerHostDelay"] = "00:00:00",
            ["Polling:Timeout"] = "00:00:15",
            ["Polling:AttemptTimeout"] = "00:00:03",
            ["Polling:RetryBaseDelay"] = "00:00:00.050",
            ["Polling:MaxRetries"] = "2",
            ["Polling:MaxRetryAfter"] = "00:00:05",
            ["Polling:AllowedPrivateHosts:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        // The hosts' one clock comes from AddCore; a fetcher composed alone takes the system clock.
        services.AddSingleton(TimeProvider.System);
        services.AddPageFetching();
        services.AddSingleton<LocalRun>();
        return new FetcherHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public Task<FetchedPage> FetchAsync(Uri url, string? etag = null, DateTimeOffset? lastModified = null) =>
        Fetcher.FetchAsync(new FetchRequest(url, etag, lastModified), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
