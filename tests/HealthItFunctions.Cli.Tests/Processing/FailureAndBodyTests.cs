using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Local;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Processing;

/// <summary>A site that keeps failing goes to poison with its reason recorded; bodies too large for a property live in blobs.</summary>
[Collection(ProcessingStorage.Name)]
public sealed class FailureAndBodyTests(AzuriteFixture azurite)
{
    private const string Host = "www.body.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DrainAsync_SiteAnswers500EveryTime_PoisonedThenRecordedByThePoisonHandler()
    {
        var queueName = azurite.UniqueName("fetch");
        await using var harness = await IngestHarness.StartAsync(azurite, [Host], new Dictionary<string, string?> { ["Queues:ArticleFetch"] = queueName });
        var page = new GeneratedArticle(Host, "/broken.html", "总是出错的页面", new DateTimeOffset(2017, 2, 3, 9, 0, 0, TimeSpan.FromHours(8)), "测试日报",
            new DistinctText(new Random(17)).Paragraphs(3));
        harness.Serve(page, status: 500);
        var message = IngestHarness.MessageFor(page, "failing-source");
        await harness.Services.GetRequiredService<IWorkQueue>().SendAsync(message, Ct);
        var settings = harness.Services.GetRequiredService<QueueHostSettings>();
        var drainer = harness.Services.GetRequiredService<QueueDrainer>();

        var (succeeded, poisoned) = await drainer.DrainAsync(queueName, (raw, ct) => harness.Ingestor.HandleAsync(raw, ct), TimeSpan.FromSeconds(1), Ct);

        Assert.Equal((0, 1), (succeeded, poisoned));
        var poison = harness.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueOptions.PoisonNameOf(queueName));
        var parked = (await poison.PeekMessageAsync(Ct)).Value;
        Assert.Equal(message, QueueMessageCodec.TryDecode<ArticleFetchMessage>(parked.Body.ToString(), out var decoded, out _) ? decoded : null);
        Assert.Empty(await harness.Services.GetRequiredService<IFetchFailureLog>().ListAsync("failing-source", Ct));

        // The poison function's work: the link recorded for its source's health and marked failed.
        var (recorded, _) = await drainer.DrainAsync(QueueOptions.PoisonNameOf(queueName), async (raw, ct) => await harness.Ingestor.RecordPoisonedAsync(raw, ct),
            TimeSpan.FromSeconds(1), Ct);

        Assert.Equal(1, recorded);
        var failure = Assert.Single(await harness.Services.GetRequiredService<IFetchFailureLog>().ListAsync("failing-source", Ct));
        Assert.Equal(page.Url, failure.Url);
        Assert.Contains("every delivery failed", failure.Reason, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine(failure.Reason);
        var id = ArticleId.From(new Uri(page.Url));
        Assert.Equal(LinkState.Failed, await harness.Store.GetStateAsync(id, Ct));
        Assert.True(await harness.Store.IsKnownAsync(id, Ct));
        // The first deliveries reach the site (each with one fetcher retry); then the host's circuit opens and spares it.
        Assert.InRange(harness.Site.RequestsTo(page.Path).Count, 2, settings.MaxDequeueCount * 2);

        // Replayed from poison later (another instance, circuit closed), the site back: fetched again, not a duplicate.
        await using var later = await IngestHarness.StartAsync(azurite, [Host]);
        later.Serve(page);
        var replayed = await later.Ingestor.IngestAsync(message, Ct);
        Assert.Equal(IngestOutcome.Stored, replayed.Outcome);
        Assert.Equal(LinkState.Stored, await later.Store.GetStateAsync(id, Ct));
    }

    [Fact]
    public async Task IngestAsync_AntiBotWall_TransientFailureNotDropped()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, [Host]);
        var page = new GeneratedArticle(Host, "/walled.html", "被拦下的文章", new DateTimeOffset(2021, 8, 3, 9, 0, 0, TimeSpan.FromHours(8)), "测试日报",
            new DistinctText(new Random(23)).Paragraphs(3));
        harness.ServeFixture(page, "wechat-environment-wall.html");
        var message = IngestHarness.MessageFor(page, "walled-source");
        var id = ArticleId.From(new Uri(page.Url));

        var error = await Assert.ThrowsAsync<TransientFetchException>(() => harness.Ingestor.IngestAsync(message, Ct));

        Assert.Contains("blocked", error.Message, StringComparison.Ordinal);
        Assert.Equal(LinkState.Unknown, await harness.Store.GetStateAsync(id, Ct));

        // The wall lifts: the next delivery stores the article.
        harness.Serve(page);
        Assert.Equal(IngestOutcome.Stored, (await harness.Ingestor.IngestAsync(message, Ct)).Outcome);
    }

    [Fact]
    public async Task IngestAsync_Body200KB_GoesToItsBlobAndRoundTrips()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, [Host]);
        var page = LargePage("/large.html", new DateTimeOffset(2017, 4, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        harness.Serve(page);

        var result = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(page, "test-source"), Ct);

        Assert.Equal(IngestOutcome.Stored, result.Outcome);
        Assert.Equal(page.Paragraphs, (await harness.Store.GetAsync(result.ArticleId, Ct))?.Paragraphs);
        var listed = Assert.Single(await harness.Store.ListMonthAsync(new BulletinMonth(2017, 4), Ct), a => a.Id == result.ArticleId);
        Assert.Equal(page.Paragraphs, listed.Paragraphs);
        var blob = harness.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("articles").GetBlobClient($"2017/04/{result.ArticleId}.json");
        Assert.True(await blob.ExistsAsync(Ct));
    }

    [Fact]
    public async Task IngestAsync_CrashedAfterTheBlobBeforeTheTable_RetryStoresTheArticleOnce()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, [Host]);
        var page = LargePage("/crash.html", new DateTimeOffset(2017, 7, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        harness.Serve(page);
        var id = ArticleId.From(new Uri(page.Url));
        var container = harness.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("articles");
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        // What the crashed attempt left: its blob under the deterministic name, no entity, no index entry.
        await container.GetBlobClient($"2017/07/{id}.json").UploadAsync(BinaryData.FromString("[\"half-written attempt\"]"), overwrite: true, Ct);

        var retry = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(page, "test-source"), Ct);
        var stored = await harness.Store.GetAsync(id, Ct);
        var again = await harness.Store.AddAsync(stored! with { ETag = null }, Ct);
        var redelivered = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(page, "test-source"), Ct);

        Assert.Equal(IngestOutcome.Stored, retry.Outcome);
        Assert.Equal(page.Paragraphs, stored?.Paragraphs);
        Assert.Equal(AddOutcome.AlreadyPresent, again);
        Assert.Equal(IngestOutcome.Duplicate, redelivered.Outcome);
        Assert.Equal(page.Paragraphs, (await harness.Store.GetAsync(id, Ct))?.Paragraphs);
        Assert.Single(await harness.Store.ListMonthAsync(new BulletinMonth(2017, 7), Ct));
    }

    /// <summary>About 220 KB of UTF-8: 800 paragraphs of one or two 30-40 character sentences.</summary>
    private static GeneratedArticle LargePage(string path, DateTimeOffset at)
    {
        var paragraphs = new DistinctText(new Random(path.Length)).Paragraphs(800);
        var page = new GeneratedArticle(Host, path, "一篇很长的报告全文", at, "测试日报", paragraphs);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(string.Concat(paragraphs)), 200_000, 1_000_000);
        return page;
    }
}
