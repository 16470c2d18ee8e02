using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Testing;

/// <summary>A request as the site saw it, timestamped when it arrived.</summary>
public sealed record RecordedRequest(DateTimeOffset At, string Method, string Host, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers)
{
    public string PathAndQuery => Path + QueryString;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real Kestrel web site on 127.0.0.1 and a free port, in this process, for tests that need HTTP:
/// the routes are ordinary minimal-API endpoints, and every request is recorded (time, host, path, headers).
/// Use <c>RequireHost("www.example.com")</c> on a route to serve several host names from one site.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackSite(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; private set; } = null!;

    public int Port => BaseUri.Port;

    /// <summary>"127.0.0.1:port", the form a host map takes.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <param name="map">Adds the routes, e.g. <c>app => app.MapGet("/feed", () => Results.Text(xml, "application/rss+xml"))</c>.
    /// Unmapped paths (including /robots.txt unless mapped) answer 404.</param>
    /// <param name="configureServices">Optional extra services for the site.</param>
    public static async Task<LoopbackSite> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var site = new LoopbackSite(app);
        app.Use(async (context, next) =>
        {
            site.Record(context.Request);
            await next(context);
        });
        map(app);
        await app.StartAsync();
        // Once started, Urls holds the address Kestrel actually bound, with the real port.
        var address = app.Urls.First();
        site.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return site;
    }

    /// <summary>An absolute URL on this site.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>The requests whose path is <paramref name="path"/> (query ignored), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        Requests.Where(request => request.Path.Equals(path, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Record(HttpRequest request) => _requests.Enqueue(new RecordedRequest(
        DateTimeOffset.UtcNow,
        request.Method,
        request.Host.Value ?? "",
        request.Path.Value ?? "",
        request.QueryString.Value ?? "",
        request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
}
