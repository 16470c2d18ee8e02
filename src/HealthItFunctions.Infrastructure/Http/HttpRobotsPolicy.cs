using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HealthItFunctions.Core.Fetching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>
/// robots.txt per origin, fetched through the same guarded, paced client as pages and cached:
/// a file or a 4xx (no rules) for <see cref="PollingOptions.RobotsCacheDuration"/>, an unreachable one briefly.
/// </summary>
internal sealed partial class HttpRobotsPolicy(
    IHttpClientFactory clients,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<HttpRobotsPolicy> logger) : IRobotsPolicy
{
    // RFC 9309 asks parsers to read at least 500 KiB; beyond that we ignore the rest.
    private const int MaxRobotsBytes = 512 * 1024;
    private const int MaxRobotsRedirects = 5;
    private static readonly TimeSpan UnavailableCacheDuration = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<RobotsDecision> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var entry = await GetAsync(origin, cancellationToken).ConfigureAwait(false);
        if (entry.Unavailable is { } problem)
        {
            return new RobotsDecision(RobotsVerdict.Unavailable, problem);
        }

        if (entry.Rules.DisallowingRule(url) is { } rule)
        {
            LogDisallowed(url, rule);
            return new RobotsDecision(RobotsVerdict.Disallowed, rule);
        }

        return RobotsDecision.Allow;
    }

    private async Task<Entry> GetAsync(string origin, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(origin, out var cached) && cached.ExpiresAt > time.GetUtcNow())
        {
            return cached;
        }

        // One fetch per origin even when many pages of the host are requested at once.
        var gate = _locks.GetOrAdd(origin, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cache.TryGetValue(origin, out cached) && cached.ExpiresAt > time.GetUtcNow())
            {
                return cached;
            }

            var entry = await FetchAsync(new Uri(origin + "/robots.txt"), cancellationToken).ConfigureAwait(false);
            _cache[origin] = entry;
            return entry;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Entry> FetchAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = clients.CreateClient(Infrastructure.PageFetchingServiceCollectionExtensions.ClientName);
        var url = robotsUrl;
        try
        {
            for (var hop = 0; hop <= MaxRobotsRedirects; hop++)
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    url = new Uri(url, location);
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    var text = await ReadTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
                    return Cached(RobotsTxt.Parse(text, PollingOptions.ProductToken), settings.RobotsCacheDuration);
                }

                // RFC 9309: 4xx means no robots.txt, so no rules; 5xx (and 429, a server in trouble) means "not now".
                return status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests
                    ? Cached(RobotsTxt.AllowAll, settings.RobotsCacheDuration)
                    : Unavailable($"HTTP {status} for {robotsUrl}");
            }

            // More redirects than RFC 9309 asks us to follow: treated as no robots.txt.
            return Cached(RobotsTxt.AllowAll, settings.RobotsCacheDuration);
        }
        catch (HttpRequestException e) when (e.InnerException is not SsrfRefusedException)
        {
            return Unavailable($"{e.Message} for {robotsUrl}");
        }
        catch (Polly.ExecutionRejectedException e)
        {
            return Unavailable($"{e.Message} for {robotsUrl}");
        }
    }

    private static async Task<string> ReadTextAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxRobotsBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private Entry Cached(RobotsTxt rules, TimeSpan duration) => new(rules, null, time.GetUtcNow() + duration);

    private Entry Unavailable(string problem) => new(RobotsTxt.AllowAll, problem, time.GetUtcNow() + UnavailableCacheDuration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "robots.txt disallows {Url} ({Rule}); not fetched")]
    private partial void LogDisallowed(Uri url, string rule);

    private sealed record Entry(RobotsTxt Rules, string? Unavailable, DateTimeOffset ExpiresAt);
}
