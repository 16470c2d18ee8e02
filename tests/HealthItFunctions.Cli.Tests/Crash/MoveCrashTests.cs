using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Cli.Tests.Processing;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Infrastructure.Storage;
using HealthItFunctions.Testing;
using HealthItFunctions.Testing.Faults;

namespace HealthItFunctions.Cli.Tests.Crash;

/// <summary>
/// An editor assigns a stored article to another month and the process dies between any two writes of the move:
/// meanwhile every reader sees the article once, in one month; the editor's retry leaves one row, in the new month,
/// where the index points.
/// </summary>
[Collection(ProcessingStorage.Name)]
public sealed class MoveCrashTests(AzuriteFixture azurite)
{
    // Intent and edit on the old row, the copy, the index (the commit point), the old row deleted, the copy's mark cleared.
    private const int MoveWrites = 5;

    private const string Site = "www.move-crash.test";
    private static readonly BulletinMonth March = BulletinMonth.Parse("2011-03");
    private static readonly BulletinMonth May = BulletinMonth.Parse("2011-05");
    private static readonly ArticleEdit MoveToMay = new() { AssignMonth = May, Title = "调整月份后的标题" };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> MoveCrashPoints => StorageFaults.CrashPoints(MoveWrites);

    [Fact]
    public async Task EditAsync_MoveCleanRun_WritesAsOftenAsTheTheoryCrashes()
    {
        var slot = new FaultSlot();
        await using var harness = await StorageFaults.StartAsync(azurite, [Site], slot);
        var id = await StoreInMarchAsync(harness, "clean");
        var counter = new CrashAfterWrites(int.MaxValue);
        slot.Policy = counter;

        var moved = await harness.Store.EditAsync(id, MoveToMay, null, Ct);

        Assert.Equal(May, moved.Month);
        Assert.Equal(MoveWrites, counter.Writes);
    }

    [Theory]
    [MemberData(nameof(MoveCrashPoints))]
    public async Task EditAsync_CrashAfterEachWriteOfAMove_ReadersSeeOneCopyAndTheRetryLeavesOneRowInTheNewMonth(int writes)
    {
        var slot = new FaultSlot();
        await using var harness = await StorageFaults.StartAsync(azurite, [Site], slot);
        var id = await StoreInMarchAsync(harness, $"move{writes}");
        var crash = new CrashAfterWrites(writes);
        slot.Policy = crash;

        if (writes < MoveWrites)
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Store.EditAsync(id, MoveToMay, null, Ct));
        }
        else
        {
            await harness.Store.EditAsync(id, MoveToMay, null, Ct);
        }

        crash.Disarm();
        await AssertReadersSeeOneCopyAsync(harness, id);

        await harness.Store.EditAsync(id, MoveToMay, null, Ct);

        var row = Assert.Single(await StorageFaults.RowsOfAsync(azurite, id, Ct));
        Assert.Equal(StorageNames.PartitionKey(May), row.PartitionKey);
        Assert.Equal(row.PartitionKey, (await StorageFaults.IndexEntryAsync(azurite, id, Ct))?.GetString("Month"));
        Assert.DoesNotContain(row.Keys, key => key.StartsWith("Move", StringComparison.Ordinal));
        Assert.Equal(MoveToMay.Title, (await harness.Store.GetAsync(id, Ct))?.EditedTitle);
        await AssertReadersSeeOneCopyAsync(harness, id);
    }

    /// <summary>Month listings, fingerprints and the point read agree: one copy, in one month.</summary>
    private static async Task AssertReadersSeeOneCopyAsync(IngestHarness harness, string id)
    {
        var listed = (await harness.Store.ListMonthAsync(March, Ct)).Concat(await harness.Store.ListMonthAsync(May, Ct)).Where(a => a.Id == id).ToList();
        var article = Assert.Single(listed);
        Assert.Single(await harness.Store.ListFingerprintsAsync([March, May], Ct), f => f.Id == id);
        Assert.Equal(article.Month, (await harness.Store.GetAsync(id, Ct))?.Month);
        Assert.Equal(LinkState.Stored, await harness.Store.GetStateAsync(id, Ct));
    }

    private static async Task<string> StoreInMarchAsync(IngestHarness harness, string name)
    {
        var text = new DistinctText(new Random(name.Sum(c => c)));
        var page = new GeneratedArticle(Site, $"/{name}-{Guid.NewGuid():N}.html", "北京市互联网医院" + text.Sentence(8),
            new DateTimeOffset(2011, 3, 20, 9, 0, 0, TimeSpan.FromHours(8)), "测试日报", text.Paragraphs(4));
        harness.Serve(page);
        var result = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(page, "test-source"), Ct);
        Assert.Equal(IngestOutcome.Stored, result.Outcome);
        Assert.Equal(ArticleId.From(new Uri(page.Url)), result.ArticleId);
        return result.ArticleId;
    }
}
