using System.Text.Json;
using Azure.Storage.Queues;
using HealthItFunctions.Local;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthItFunctions.Cli.Tests.Pipeline;

/// <summary>The replay and storage every pipeline test here shares: started once, stopped by PID at the end.</summary>
public sealed class PipelineEnvironmentFixture : IAsyncLifetime
{
    public DemoEnvironment Environment { get; private set; } = null!;

    public IHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var replay = Path.Combine(RepositoryPaths.Root, "seeds", "replay", "2021-08");
        Environment = await DemoEnvironment.StartAsync(RepositoryPaths.Root, replay, Directory.CreateTempSubdirectory("healthit-mail-").FullName, CancellationToken.None);
        Host = CliHost.CreateBuilder(Environment.Settings()).Build();
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Environment.DisposeAsync();
    }
}

public sealed class QueueHandlingTests(PipelineEnvironmentFixture fixture) : IClassFixture<PipelineEnvironmentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider Services => fixture.Host.Services;

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"v\":2,\"sourceId\":\"hit180\",\"url\":\"https://www.hit180.com/1.html\",\"canonicalUrl\":\"https://www.hit180.com/1.html\",\"discoveredAt\":\"2021-08-01T00:00:00+08:00\"}")]
    [InlineData("{\"v\":1,\"sourceId\":\"hit180\",\"url\":\"javascript:alert(1)\",\"canonicalUrl\":\"https://www.hit180.com/1.html\",\"discoveredAt\":\"2021-08-01T00:00:00+08:00\"}")]
    public async Task HandleAsync_MalformedArticleMessage_GoesToPoisonWithTheReason(string raw)
    {
        var poison = Services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueOptions.PoisonNameOf("article-fetch"));
        await poison.CreateIfNotExistsAsync(cancellationToken: Ct);
        await poison.ClearMessagesAsync(Ct);

        var result = await Services.GetRequiredService<ArticleIngestor>().HandleAsync(raw, Ct);

        Assert.Null(result);
        var moved = Assert.Single((await poison.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value);
        using var body = JsonDocument.Parse(moved.Body.ToString());
        Assert.Equal(raw, body.RootElement.GetProperty("message").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task HandleAsync_UnknownSource_GoesToPoison()
    {
        var result = await Services.GetRequiredService<SourcePoller>().HandleAsync("{\"v\":1,\"sourceId\":\"no-such-source\"}", Ct);

        Assert.Null(result);
        var poison = Services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueOptions.PoisonNameOf("source-polls"));
        var messages = (await poison.PeekMessagesAsync(32, Ct)).Value;
        Assert.Contains(messages, m => m.Body.ToString().Contains("no-such-source"));
    }

    [Fact]
    public async Task IngestAsync_SameMessageTwice_StoresOneArticle()
    {
        var ingestor = Services.GetRequiredService<ArticleIngestor>();
        var store = Services.GetRequiredService<IArticleStore>();
        const string url = "https://www.hit180.com/52842.html";
        var message = new ArticleFetchMessage(ArticleFetchMessage.CurrentVersion, "hit180", url, url, null, null, DateTimeOffset.Parse("2021-08-15T10:00:00+08:00"));

        var first = await ingestor.IngestAsync(message, Ct);
        var second = await ingestor.IngestAsync(message, Ct);

        Assert.Equal(IngestOutcome.Stored, first.Outcome);
        Assert.Equal(IngestOutcome.Duplicate, second.Outcome);
        var august = await store.ListMonthAsync(BulletinMonth.Parse("2021-08"), Ct);
        Assert.Single(august, a => a.CanonicalUrl == url);
    }

    [Fact]
    public async Task IngestAsync_TwoDeliveriesAtOnce_StoreOneArticle()
    {
        var ingestor = Services.GetRequiredService<ArticleIngestor>();
        const string url = "https://www.bjzhongyi.com/gzb_yyxw_detail/9051.html";
        var message = new ArticleFetchMessage(ArticleFetchMessage.CurrentVersion, "bjzhongyi", url, url, null, null, DateTimeOffset.Parse("2021-08-25T10:00:00+08:00"));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ingestor.IngestAsync(message, Ct)));

        Assert.Single(results, r => r.Outcome == IngestOutcome.Stored);
        Assert.All(results.Where(r => r.Outcome != IngestOutcome.Stored), r => Assert.Equal(IngestOutcome.Duplicate, r.Outcome));
        var august = await Services.GetRequiredService<IArticleStore>().ListMonthAsync(BulletinMonth.Parse("2021-08"), Ct);
        Assert.Single(august, a => a.CanonicalUrl == url);
    }
}
