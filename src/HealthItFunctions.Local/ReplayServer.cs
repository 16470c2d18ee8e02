using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace HealthItFunctions.Local;

/// <summary>What the replay was asked, in arrival order.</summary>
public sealed record ReplayRequest(string Method, string Host, string Path, int Status, DateTimeOffset At);

/// <summary>
/// The offline source sites: a real Kestrel server on 127.0.0.1 serving a replay directory (sites/&lt;host&gt;/&lt;path&gt;
/// plus replay.json). Requests are routed by their Host header, so a fetcher that maps each real host to
/// 127.0.0.1:<see cref="Port"/> and keeps the Host header exercises polling, robots.txt, conditional GET and
/// decoding exactly as against the live sites.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReplaySite _site;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<ReplayRequest> _requests = new();

    private ReplayServer(WebApplication app, ReplaySite site, TimeProvider clock)
    {
        _app = app;
        _site = site;
        _clock = clock;
    }

    /// <summary>The loopback port Kestrel bound (chosen by the OS).</summary>
    public int Port { get; private set; }

    /// <summary>Every host the replay serves: the folder names under sites/.</summary>
    public IReadOnlyList<string> Hosts => _site.Hosts;

    /// <summary>host → "127.0.0.1:port" for every served host, the shape of the fetcher's Polling:HostMap.</summary>
    public IReadOnlyDictionary<string, string> HostMap => Hosts.ToDictionary(h => h, _ => $"127.0.0.1:{Port}", StringComparer.OrdinalIgnoreCase);

    /// <summary>A snapshot of the requests served so far.</summary>
    public IReadOnlyList<ReplayRequest> Requests => _requests.ToArray();

    public static Task<ReplayServer> StartAsync(string replayDirectory, CancellationToken ct) =>
        StartAsync(replayDirectory, TimeProvider.System, ct);

    /// <param name="replayDirectory">A folder holding sites/ and optionally replay.json, e.g. seeds/replay/2021-08.</param>
    /// <param name="clock">Stamps <see cref="Requests"/>.</param>
    /// <param name="ct">Cancels the start only; stop the server with <see cref="DisposeAsync"/>.</param>
    public static async Task<ReplayServer> StartAsync(string replayDirectory, TimeProvider clock, CancellationToken ct)
    {
        var sites = Path.Combine(replayDirectory, "sites");
        if (!Directory.Exists(sites))
        {
            throw new DirectoryNotFoundException($"{sites} does not exist; point the replay at a folder with sites/<host>/ inside (e.g. seeds/replay/2021-08).");
        }

        var site = new ReplaySite(sites, ReplayManifest.Load(replayDirectory));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetFullPath(replayDirectory) });
        builder.Logging.ClearProviders();
        // The replay runs inside other hosts (the demo, tests): it must not take over Ctrl+C or the console.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ReplayServer(app, site, clock);
        app.Run(server.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Port = new Uri(address).Port;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        ReplayResponse response;
        if (!isHead && !HttpMethods.IsGet(request.Method))
        {
            response = new ReplayResponse(405, "text/plain; charset=utf-8", "The replay serves GET and HEAD only.\n"u8.ToArray(), null, null);
            context.Response.Headers.Allow = "GET, HEAD";
        }
        else
        {
            var headers = request.GetTypedHeaders();
            var ifNoneMatch = request.Headers.IfNoneMatch.OfType<string>().ToArray();
            response = _site.Respond(request.Host.Host, request.Path.Value ?? "/", ifNoneMatch, headers.IfModifiedSince);
        }

        _requests.Enqueue(new ReplayRequest(request.Method, request.Host.Host, request.Path.Value ?? "/", response.Status, _clock.GetUtcNow()));
        context.Response.StatusCode = response.Status;
        if (response.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag;
        }

        if (response.LastModified is { } modified)
        {
            context.Response.Headers[HeaderNames.LastModified] = ReplaySite.HttpDate(modified);
        }

        if (response.Status == StatusCodes.Status304NotModified)
        {
            return;
        }

        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        if (!isHead)
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
