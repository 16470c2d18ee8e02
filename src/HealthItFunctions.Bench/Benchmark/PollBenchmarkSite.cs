using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Cli.Benchmark;

/// <summary>
/// The poll benchmark's fixture: <c>sources</c> list pages spread over <c>hosts</c> host names on one loopback Kestrel,
/// each ~ a real government list page (40 rows), answering If-None-Match / If-Modified-Since with 304. Counts what it sends.
/// </summary>
internal sealed class PollBenchmarkSite : IAsyncDisposable
{
    private static readonly DateTimeOffset Modified = new(2021, 8, 31, 16, 0, 0, TimeSpan.Zero);
    private readonly WebApplication _app;
    private long _requests;
    private long _bytes;

    private PollBenchmarkSite(WebApplication app, int sources, int hosts)
    {
        _app = app;
        Sources = Enumerable.Range(1, sources).Select(i => (Id: $"bench{i:D2}", Host: $"s{(i - 1) % hosts + 1}.bench.test")).ToList();
    }

    public IReadOnlyList<(string Id, string Host)> Sources { get; }

    public int Port { get; private set; }

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Status line, headers and body bytes written, as Kestrel counted them.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public static async Task<PollBenchmarkSite> StartAsync(int sources, int hosts, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new PollBenchmarkSite(app, sources, hosts);
        app.Run(site.HandleAsync);
        await app.StartAsync(cancellationToken);
        site.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;
        return site;
    }

    public string CatalogJson() =>
        "{ \"sources\": [\n" + string.Join(",\n", Sources.Select(s => $$"""
            { "id": "{{s.Id}}", "media": "基准{{s.Id}}", "hosts": ["{{s.Host}}"],
              "list": { "kind": "html-list", "startUrls": ["http://{{s.Host}}/{{s.Id}}/list/"], "rows": "//ul[@class='list']/li",
                        "link": ".//a[@href]", "urlPattern": "/{{s.Id}}/t\\d+_\\d+\\.html$", "date": ".//span" } }
            """)) + "\n] }";

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Path.Value ?? "/";
        byte[] body;
        string type;
        if (path == "/robots.txt")
        {
            (body, type) = ("User-agent: *\nAllow: /\n"u8.ToArray(), "text/plain");
        }
        else if (path.EndsWith("/list/", StringComparison.Ordinal))
        {
            (body, type) = (ListPage(path.Split('/')[1]), "text/html; charset=utf-8");
        }
        else
        {
            context.Response.StatusCode = 404;
            Count(context, 0);
            return;
        }

        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 8)) + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = Modified.ToString("R");
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            Count(context, 0);
            return;
        }

        context.Response.ContentType = type;
        context.Response.ContentLength = body.Length;
        Count(context, body.Length);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Headers counted as they go on the wire ("Name: value\r\n"), plus the status line and the body.</summary>
    private void Count(HttpContext context, int body)
    {
        var headers = context.Response.Headers.Sum(h => h.Key.Length + 2 + h.Value.ToString().Length + 2) + "Date: Tue, 31 Aug 2021 16:00:00 GMT\r\nServer: Kestrel\r\n".Length;
        Interlocked.Add(ref _bytes, "HTTP/1.1 200 OK\r\n".Length + headers + 2 + body);
    }

    private static byte[] ListPage(string id)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>委内新闻</title></head><body>");
        html.Append("<div class=\"nav\">").Append(string.Concat(Enumerable.Range(1, 30).Select(i => $"<a href=\"/c{i}/\">栏目{i}</a>"))).Append("</div><ul class=\"list\">");
        for (var i = 1; i <= 40; i++)
        {
            html.Append($"<li><a href=\"/{id}/t2021080{i % 9 + 1}_{i:D4}.html\" title=\"北京市卫生健康委员会召开信息化工作会议第{i}次\">北京市卫生健康委员会召开信息化工作会议第{i}次</a><span>2021-08-{i % 28 + 1:D2}</span></li>");
        }

        return Encoding.UTF8.GetBytes(html.Append("</ul><div class=\"footer\">版权所有 北京市卫生健康委员会</div></body></html>").ToString());
    }
}
