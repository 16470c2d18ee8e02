using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Cli.Tests.Processing;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Infrastructure.Storage;
using HealthItFunctions.Testing;
using HealthItFunctions.Testing.Faults;
using SkiaSharp;

namespace HealthItFunctions.Cli.Tests.Crash;

/// <summary>
/// A worker killed between any two storage writes of ProcessArticle, then the message delivered again: the retry
/// converges to one article row in the month its index entry names, the link stored, the picture kept and the
/// reprint cluster right. Each theory covers every crash point of a clean run, which a fact counts.
/// </summary>
[Collection(ProcessingStorage.Name)]
public sealed class IngestCrashTests(AzuriteFixture azurite)
{
    // A new article with one picture: the picture container (created once per process, on its first picture), the
    // picture, the month claim, the row, the index entry.
    private const int NewArticleWrites = 5;

    // Crashes after this many writes leave the month claimed: the retry stores into the claimed month.
    private const int WritesUpToTheClaim = 3;

    // An original taking over the cluster of its stored reprint: the claim, the row, the re-point of both, the index.
    private const int TakeOverWrites = 4;

    private const string Site = "www.crash.test";
    private const string Original = "www.crash-original.test";
    private const string Wechat = "mp.crash-reprint.test";
    private static readonly BulletinMonth January = BulletinMonth.Parse("2009-01");
    private static readonly BulletinMonth February = BulletinMonth.Parse("2009-02");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> NewArticleCrashPoints => StorageFaults.CrashPoints(NewArticleWrites);

    public static TheoryData<int> TakeOverCrashPoints => StorageFaults.CrashPoints(TakeOverWrites);

    [Fact]
    public async Task IngestAsync_NewArticleWithPictureCleanRun_WritesAsOftenAsTheTheoryCrashes()
    {
        var slot = new FaultSlot();
        await using var harness = await StorageFaults.StartAsync(azurite, [Site], slot);
        var page = await WarmUpAndServeAsync(harness, "clean");
        var counter = new CrashAfterWrites(int.MaxValue);
        var log = new WriteLog(counter);
        slot.Policy = log;

        var result = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(page, "test-source"), Ct);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", log.Writes));
        Assert.Equal(IngestOutcome.Stored, result.Outcome);
        Assert.Equal(NewArticleWrites, counter.Writes);
    }

    [Theory]
    [MemberData(nameof(NewArticleCrashPoints))]
    public async Task IngestAsync_CrashAfterEachWriteThenPageMovesToNextMonth_RedeliveryLeavesOneRowWhereTheIndexSays(int writes)
    {
        var slot = new FaultSlot();
        await using var harness = await StorageFaults.StartAsync(azurite, [Site], slot);
        var page = await WarmUpAndServeAsync(harness, $"drift{writes}");
        var message = IngestHarness.MessageFor(page, "test-source");
        var crash = new CrashAfterWrites(writes);
        slot.Policy = crash;

        await CrashOrCompleteAsync(harness, message, writes, NewArticleWrites);
        // The page now dates itself a few hours later, in the next month (a corrected date, or 3小时前 read later).
        ServeWithPicture(harness, page with { PublishedAt = new DateTimeOffset(2009, 2, 1, 9, 0, 0, TimeSpan.FromHours(8)) });
        crash.Disarm();
        await harness.Ingestor.IngestAsync(message, Ct);

        var id = IdOf(page);
        var stored = await AssertOneRowOneIndexEntryAsync(harness, id);
        // The first delivery's month once it was claimed; before that, nothing of it counts and the page's new date wins.
        Assert.Equal(writes >= WritesUpToTheClaim ? January : February, stored.Month);
        Assert.True(stored.Images.Single().IsAvailable, "the picture was lost");
        var listed = (await harness.Store.ListMonthAsync(January, Ct)).Concat(await harness.Store.ListMonthAsync(February, Ct));
        Assert.Single(listed, a => a.Id == id);
    }

    [Fact]
    public async Task IngestAsync_TakeOverCleanRun_WritesAsOftenAsTheTheoryCrashes()
    {
        var slot = new FaultSlot();
        await using var harness = await StorageFaults.StartAsync(azurite, [Original, Wechat], slot);
        var (original, _) = await StoreReprintAsync(harness, "clean");
        var counter = new CrashAfterWrites(int.MaxValue);
        slot.Policy = counter;

        var result = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(original, "wjw-beijing"), Ct);

        Assert.Equal(IngestOutcome.Stored, result.Outcome);
        Assert.Equal(TakeOverWrites, counter.Writes);
    }

    [Theory]
    [MemberData(nameof(TakeOverCrashPoints))]
    public async Task IngestAsync_CrashAfterEachWriteOfAClusterTakeOver_RedeliveryPutsBothCopiesInTheOriginalsCluster(int writes)
    {
        var slot = new FaultSlot();
        await using var harness = await StorageFaults.StartAsync(azurite, [Original, Wechat], slot);
        var (original, reprint) = await StoreReprintAsync(harness, $"take{writes}");
        var message = IngestHarness.MessageFor(original, "wjw-beijing");
        var crash = new CrashAfterWrites(writes);
        slot.Policy = crash;

        await CrashOrCompleteAsync(harness, message, writes, TakeOverWrites);
        crash.Disarm();
        await harness.Ingestor.IngestAsync(message, Ct);

        var originalId = IdOf(original);
        Assert.Equal(originalId, (await AssertOneRowOneIndexEntryAsync(harness, originalId)).ClusterId);
        Assert.Equal(originalId, (await AssertOneRowOneIndexEntryAsync(harness, IdOf(reprint))).ClusterId);
    }

    private static async Task CrashOrCompleteAsync(IngestHarness harness, Core.Pipeline.ArticleFetchMessage message, int writes, int cleanRunWrites)
    {
        if (writes < cleanRunWrites)
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Ingestor.IngestAsync(message, Ct));
        }
        else
        {
            await harness.Ingestor.IngestAsync(message, Ct);
        }
    }

    /// <summary>Exactly one row with the id, in the partition the index entry names; the link stored; readers agree.</summary>
    private async Task<StoredArticle> AssertOneRowOneIndexEntryAsync(IngestHarness harness, string id)
    {
        var row = Assert.Single(await StorageFaults.RowsOfAsync(azurite, id, Ct));
        var entry = await StorageFaults.IndexEntryAsync(azurite, id, Ct);
        Assert.NotNull(entry);
        Assert.Equal(row.PartitionKey, entry.GetString("Month"));
        Assert.Equal(LinkState.Stored, await harness.Store.GetStateAsync(id, Ct));
        var stored = await harness.Store.GetAsync(id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(row.PartitionKey, StorageNames.PartitionKey(stored.Month));
        return stored;
    }

    /// <summary>Tables and containers exist before the crash point counts (their creation is once per process, not per article).</summary>
    private static async Task<GeneratedArticle> WarmUpAndServeAsync(IngestHarness harness, string name)
    {
        var text = new DistinctText(new Random(name.Sum(c => c)));
        var warmUp = new GeneratedArticle(Site, $"/{name}-{Guid.NewGuid():N}-warm.html", "预热" + text.Sentence(5),
            new DateTimeOffset(2008, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)), "测试日报", text.Paragraphs(3));
        ServeWithPicture(harness, warmUp);
        await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(warmUp, "test-source"), Ct);

        var page = new GeneratedArticle(Site, $"/{name}-{Guid.NewGuid():N}.html", "北京市医院信息化" + text.Sentence(8),
            new DateTimeOffset(2009, 1, 31, 23, 30, 0, TimeSpan.FromHours(8)), "测试日报", text.Paragraphs(4));
        ServeWithPicture(harness, page);
        return page;
    }

    private static void ServeWithPicture(IngestHarness harness, GeneratedArticle page)
    {
        var picture = page.Path.Replace(".html", ".png", StringComparison.Ordinal);
        harness.ServeFile(page.Host, picture, "image/png", Picture());
        harness.Serve(page, html => html.Replace("<div class=\"content\">",
            $"<div class=\"content\"><p><img src=\"{picture}\" alt=\"现场\" width=\"400\" height=\"300\"></p>", StringComparison.Ordinal));
    }

    /// <summary>The WeChat reprint stored cleanly; the Commission's original (more authoritative) served, not yet delivered.</summary>
    private static async Task<(GeneratedArticle Original, GeneratedArticle Reprint)> StoreReprintAsync(IngestHarness harness, string name)
    {
        var text = new DistinctText(new Random(name.Sum(c => c)));
        var paragraphs = text.Paragraphs(6);
        var title = "北京市卫生健康委" + text.Sentence(10);
        var at = new DateTimeOffset(2010, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
        var path = $"/{name}-{Guid.NewGuid():N}.html";
        var original = new GeneratedArticle(Original, path, title, at.AddHours(6), "北京市卫生健康委员会", paragraphs);
        var reprint = new GeneratedArticle(Wechat, path, title, at, "北京卫健委公众号", ["来源：北京卫健委公众号", .. paragraphs, "责任编辑：王建国"]);
        harness.Serve(original);
        harness.Serve(reprint);
        Assert.Equal(IngestOutcome.Stored, (await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(reprint, "wechat"), Ct)).Outcome);
        return (original, reprint);
    }

    private static byte[] Picture()
    {
        using var bitmap = new SKBitmap(400, 300);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x25, 0x63, 0xeb));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private static string IdOf(GeneratedArticle page) => ArticleId.From(new Uri(page.Url));
}
