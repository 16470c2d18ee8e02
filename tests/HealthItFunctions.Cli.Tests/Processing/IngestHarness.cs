using System.Collections.Concurrent;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Infrastructure.Storage;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthItFunctions.Cli.Tests.Processing;

/// <summary>One Azurite for every processing test class; each class keeps to its own years and queue names.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessingStorage : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "processing-storage";
}

/// <summary>
/// The real ingest path: the CLI's container (AddCore + AddInfrastructure) against Azurite, fetching generated pages
/// from a <see cref="LoopbackSite"/> through Polling:HostMap. Pages can be added, replaced or made to fail at any time.
/// </summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string Html)> _pages = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Content)> _files = new(StringComparer.OrdinalIgnoreCase);

    private IngestHarness(LoopbackSite site, IHost host)
    {
        Site = site;
        Host = host;
    }

    public LoopbackSite Site { get; }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public ArticleIngestor Ingestor => Services.GetRequiredService<ArticleIngestor>();

    public IArticleStore Store => Services.GetRequiredService<IArticleStore>();

    public StorageTransactionCounter Transactions => Services.GetRequiredService<StorageTransactionCounter>();

    /// <param name="configure">Runs on the host's builder before it is built (a test adds a storage pipeline policy there).</param>
    public static async Task<IngestHarness> StartAsync(AzuriteFixture azurite, IEnumerable<string> hosts, IDictionary<string, string?>? extra = null,
        Action<HostApplicationBuilder>? configure = null)
    {
        IngestHarness? harness = null;
        var site = await LoopbackSite.StartAsync(app => app.MapGet("/{**path}", (HttpContext context) =>
            harness!._files.TryGetValue(context.Request.Host.Host + context.Request.Path, out var file)
                ? Results.Bytes(file.Content, file.ContentType)
                : harness._pages.TryGetValue(context.Request.Host.Host + context.Request.Path, out var page)
                ? Results.Content(page.Html, "text/html; charset=utf-8", statusCode: page.Status)
                : Results.NotFound()));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Polling:UserAgentContact"] = "ops@healthit.local",
            ["Polling:PerHostDelay"] = "00:00:00",
            ["Polling:RetryBaseDelay"] = "00:00:00.050",
            ["Polling:MaxRetries"] = "1",
        };
        foreach (var host in hosts)
        {
            settings[$"Polling:HostMap:{host}"] = site.Endpoint;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = CliHost.CreateBuilder(settings);
        configure?.Invoke(builder);
        harness = new IngestHarness(site, builder.Build());
        return harness;
    }

    public void Serve(GeneratedArticle article, int status = 200) => _pages[article.Host + article.Path] = (status, article.Html());

    /// <summary>Serves the page's HTML with changes (a picture added, a date edited) at its own address.</summary>
    public void Serve(GeneratedArticle article, Func<string, string> change) => _pages[article.Host + article.Path] = (200, change(article.Html()));

    /// <summary>Serves bytes (a picture) at host + path.</summary>
    public void ServeFile(string host, string path, string contentType, byte[] content) => _files[host + path] = (contentType, content);

    /// <summary>Serves a fixture file (Processing/Fixtures) at the article's address instead of the article.</summary>
    public void ServeFixture(GeneratedArticle article, string fixture) =>
        _pages[article.Host + article.Path] = (200, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Processing", "Fixtures", fixture)));

    public static ArticleFetchMessage MessageFor(GeneratedArticle article, string sourceId) =>
        new(ArticleFetchMessage.CurrentVersion, sourceId, article.Url, article.Url, article.Title, null, article.PublishedAt);

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Site.DisposeAsync();
    }
}
