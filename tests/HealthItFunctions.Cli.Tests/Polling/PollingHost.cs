using Azure.Storage.Queues;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Infrastructure.Sources;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace HealthItFunctions.Cli.Tests.Polling;

/// <summary>
/// The CLI's container (AddCore + AddInfrastructure) against Azurite and a loopback site: its own queues, catalog
/// container and seeds file, so tests in parallel never share state. Alerts go to a Moq sink the test verifies.
/// </summary>
internal sealed class PollingHost : IDisposable
{
    private readonly IHost _host;
    private readonly string _seedsFile;

    public PollingHost(AzuriteFixture azurite, LoopbackSite? site, string catalogJson, IEnumerable<string> hosts, IDictionary<string, string?>? overrides = null)
    {
        _seedsFile = Path.Combine(Path.GetTempPath(), azurite.UniqueName("sources") + ".json");
        File.WriteAllText(_seedsFile, catalogJson);
        ArticleQueue = azurite.UniqueName("articles");
        CatalogContainer = azurite.UniqueName("config");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Polling:UserAgentContact"] = "ops@healthit.test",
            ["Polling:PerHostDelay"] = "00:00:00",
            ["Polling:MaxRetries"] = "0",
            ["Polling:RetryBaseDelay"] = "00:00:00.050",
            ["Polling:CircuitBreakDuration"] = "00:00:01",
            ["Queues:SourcePolls"] = azurite.UniqueName("polls"),
            ["Queues:ArticleFetch"] = ArticleQueue,
            ["Sources:Container"] = CatalogContainer,
            ["Extraction:SourcesPath"] = _seedsFile,
        };
        foreach (var host in hosts)
        {
            settings[$"Polling:HostMap:{host}"] = site!.Endpoint;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = CliHost.CreateBuilder(settings);
        builder.Services.AddSingleton(Alerts.Object);
        _host = builder.Build();
    }

    public Mock<IAlertSink> Alerts { get; } = new();

    public string ArticleQueue { get; }

    public string CatalogContainer { get; }

    /// <summary>The catalog file (Extraction:SourcesPath) the container reads.</summary>
    public string SeedsFile => _seedsFile;

    public IServiceProvider Services => _host.Services;

    public SourcePoller Poller => Services.GetRequiredService<SourcePoller>();

    public ISourceStateStore States => Services.GetRequiredService<ISourceStateStore>();

    public BlobSourceCatalog Catalog => Services.GetRequiredService<BlobSourceCatalog>();

    public SourceDefinition Source(string id) => Services.GetRequiredService<ISourceCatalog>().Find(id)!;

    public Task<PollResult> PollAsync(string id) => Poller.PollAsync(Source(id), TestContext.Current.CancellationToken);

    public async Task<int> QueuedArticlesAsync()
    {
        var queue = Services.GetRequiredService<QueueServiceClient>().GetQueueClient(ArticleQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount;
    }

    public async Task ClearArticlesAsync() =>
        await Services.GetRequiredService<QueueServiceClient>().GetQueueClient(ArticleQueue).ClearMessagesAsync(TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _host.Dispose();
        File.Delete(_seedsFile);
    }

    /// <summary>A one-source catalog: an HTML list at http://{host}/news/ whose rows are ul.list li and articles /a/N.html.</summary>
    public static string ListCatalog(string id, string host, string extraStartUrls = "") => $$"""
        {
          "sources": [
            {
              "id": "{{id}}",
              "media": "测试媒体",
              "hosts": ["{{host}}"],
              "list": {
                "kind": "html-list",
                "startUrls": ["http://{{host}}/news/"{{extraStartUrls}}],
                "rows": "//ul[@class='list']/li",
                "link": ".//a[@href]",
                "urlPattern": "^http://{{host.Replace(".", "\\\\.")}}/a/\\d+\\.html$",
                "date": ".//span"
              }
            }
          ]
        }
        """;

    public static string ListPage(int count, int first = 1) =>
        "<html><head><meta charset=\"utf-8\"><title>新闻</title></head><body><ul class=\"list\">" +
        string.Concat(Enumerable.Range(first, count).Select(i => $"<li><a href=\"/a/{i}.html\">第{i}条 卫生信息化新闻</a><span>2021-08-{i % 28 + 1:D2}</span></li>")) +
        "</ul></body></html>";
}
