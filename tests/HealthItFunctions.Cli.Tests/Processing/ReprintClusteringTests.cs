using System.Collections.Concurrent;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Processing;

/// <summary>
/// Reprints through the real ingest path: fetched from a loopback site, stored in Azurite, clustered after the insert.
/// Sources are catalogued ones, so sources.json's authority decides the primary: wjw-beijing 100 › wechat 20 › sina-tech 10.
/// </summary>
[Collection(ProcessingStorage.Name)]
public sealed class ReprintClusteringTests(AzuriteFixture azurite)
{
    private const string Original = "www.original.test";
    private const string Wechat = "mp.reprint.test";
    private const string Portal = "tech.reprint.test";
    private static readonly string[] Hosts = [Original, Wechat, Portal];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IngestAsync_ThreeCopiesOfEachStoryAtOnce_OneClusterPerStoryWithTheMostAuthoritativePrimary()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, Hosts);
        var text = new DistinctText(new Random(14));
        var stories = Enumerable.Range(0, 30).Select(i => Copies(text, $"/s{i}.html", new DateTimeOffset(2014, 1 + i % 12, 10, 9, 0, 0, TimeSpan.FromHours(8)))).ToList();
        var deliveries = new ConcurrentQueue<(GeneratedArticle Page, string Source)>();
        foreach (var story in stories)
        {
            // Adjacent, so three workers take one story's copies at the same moment and none sees the others before inserting.
            foreach (var copy in story)
            {
                harness.Serve(copy.Page);
                deliveries.Enqueue(copy);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (deliveries.TryDequeue(out var delivery))
            {
                await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(delivery.Page, delivery.Source), Ct);
            }
        }, Ct)));

        foreach (var story in stories)
        {
            var primary = IdOf(story[0].Page);
            foreach (var (page, _) in story)
            {
                var stored = await harness.Store.GetAsync(IdOf(page), Ct);
                Assert.Equal(primary, stored?.ClusterId);
            }
        }
    }

    [Fact]
    public async Task IngestAsync_MoreAuthoritativeOriginalArrivesAfterItsReprints_TakesOverTheCluster()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, Hosts);
        var copies = Copies(new DistinctText(new Random(15)), "/late.html", new DateTimeOffset(2015, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        copies.ForEach(c => harness.Serve(c.Page));

        var wechat = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(copies[1].Page, copies[1].Source), Ct);
        var portal = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(copies[2].Page, copies[2].Source), Ct);
        var original = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(copies[0].Page, copies[0].Source), Ct);

        Assert.Equal([IngestOutcome.Stored, IngestOutcome.StoredAsReprint, IngestOutcome.Stored], [wechat.Outcome, portal.Outcome, original.Outcome]);
        foreach (var (page, _) in copies)
        {
            Assert.Equal(original.ArticleId, (await harness.Store.GetAsync(IdOf(page), Ct))?.ClusterId);
        }
    }

    [Fact]
    public async Task IngestAsync_EditorIncludedTheFirstCopy_LaterOriginalJoinsThatCluster()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, Hosts);
        var copies = Copies(new DistinctText(new Random(16)), "/kept.html", new DateTimeOffset(2015, 6, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        copies.ForEach(c => harness.Serve(c.Page));
        var wechat = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(copies[1].Page, copies[1].Source), Ct);
        await harness.Store.EditAsync(wechat.ArticleId, new ArticleEdit { Decision = EditorDecision.Include }, null, Ct);

        var original = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(copies[0].Page, copies[0].Source), Ct);

        Assert.Equal(IngestOutcome.StoredAsReprint, original.Outcome);
        Assert.Equal(wechat.ArticleId, (await harness.Store.GetAsync(original.ArticleId, Ct))?.ClusterId);
        Assert.True((await harness.Store.GetAsync(wechat.ArticleId, Ct))?.IsSelected);
    }

    public static TheoryData<string, int> Variants => new()
    {
        { "boilerplate", 1 }, { "small-edits", 2 }, { "title", 3 }, { "paragraph-drop", 4 }, { "combined", 5 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task IngestAsync_ReprintWithChanges_JoinsTheOriginalsCluster(string variant, int month)
    {
        await using var harness = await IngestHarness.StartAsync(azurite, Hosts);
        var stories = new SyntheticStories(new Random(month));
        var story = stories.Write("互联网医院");
        var at = new DateTimeOffset(2016, month, 8, 9, 0, 0, TimeSpan.FromHours(8));
        var original = new GeneratedArticle(Original, $"/{variant}.html", story.Title, at, "北京市卫生健康委员会", story.Paragraphs);
        var paragraphs = story.Paragraphs.ToList();
        var title = story.Title;
        if (variant is "small-edits" or "combined")
        {
            paragraphs[0] = "据了解，" + paragraphs[0];
            paragraphs[^1] = paragraphs[^1].Replace('，', '、');
            paragraphs[1] = paragraphs[1].Insert(paragraphs[1].Length / 2, "的");
        }

        if (variant is "title" or "combined")
        {
            title = $"人民日报：{title}，患者点赞";
        }

        if (variant is "paragraph-drop" or "combined")
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        // Every reprint brings its own site furniture.
        paragraphs = ["来源：北京日报客户端", "作者：李明  发布时间：" + at.AddDays(1).ToString("yyyy-MM-dd"), .. paragraphs, "责任编辑：张华", "声明：本文转载自北京日报，版权归原作者所有。"];
        var reprint = new GeneratedArticle(Portal, $"/{variant}.html", title, at.AddDays(1), "新浪科技", paragraphs);
        harness.Serve(original);
        harness.Serve(reprint);

        await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(original, "wjw-beijing"), Ct);
        var result = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(reprint, "sina-tech"), Ct);

        Assert.Equal(IngestOutcome.StoredAsReprint, result.Outcome);
        Assert.Equal(IdOf(original), (await harness.Store.GetAsync(result.ArticleId, Ct))?.ClusterId);
    }

    /// <remarks>
    /// Each pair gets its own month (two apart, outside each other's window), as the issue states the boundary: two
    /// different stories on one topic in one week. Twenty such stories in one month (190 pairs) merged one pair at the
    /// detector's threshold 15: the per-pair precision of about 0.99 shows at month scale.
    /// </remarks>
    [Fact]
    public async Task IngestAsync_SameTopicDifferentStoriesInOneWeek_StayApart()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, Hosts);
        var stories = new SyntheticStories(new Random(2019));
        var topics = stories.TopicNames;
        var pairs = new List<(GeneratedArticle A, GeneratedArticle B)>();
        for (var i = 0; i < 12; i++)
        {
            // Half the pairs are about the same hospital as well as the same topic.
            var topic = topics[i % topics.Count];
            var hospital = i % 2 == 0 ? stories.PickHospital() : null;
            var at = new DateTimeOffset(2019 + i / 6, 1 + i % 6 * 2, 5, 9, 0, 0, TimeSpan.FromHours(8));
            var a = stories.Write(topic, hospital);
            var b = stories.Write(topic, hospital);
            pairs.Add((new GeneratedArticle(Original, $"/topic{i}a.html", a.Title, at, "北京日报", a.Paragraphs),
                new GeneratedArticle(Portal, $"/topic{i}b.html", b.Title, at.AddDays(2), "新京报", b.Paragraphs)));
        }

        var results = new List<IngestOutcome>();
        foreach (var (a, b) in pairs)
        {
            harness.Serve(a);
            harness.Serve(b);
            await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(a, "sina-tech"), Ct);
            results.Add((await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(b, "sina-tech"), Ct)).Outcome);
        }

        Assert.All(results, outcome => Assert.Equal(IngestOutcome.Stored, outcome));
        foreach (var (a, _) in pairs)
        {
            Assert.False((await harness.Store.GetAsync(IdOf(a), Ct))?.IsReprint);
        }
    }

    /// <summary>An original on the Commission's site (published last), a WeChat reprint (first) with furniture, and a portal reprint with a new title and an edit.</summary>
    private static List<(GeneratedArticle Page, string Source)> Copies(DistinctText text, string path, DateTimeOffset at)
    {
        var paragraphs = text.Paragraphs(6);
        var title = "北京市卫生健康委" + text.Sentence(10);
        List<string> wechat = ["来源：北京卫健委公众号", .. paragraphs, "扫码关注我们", "责任编辑：王建国"];
        var portal = paragraphs.ToList();
        portal[2] = "据了解，" + portal[2];
        return
        [
            (new GeneratedArticle(Original, path, title, at.AddHours(6), "北京市卫生健康委员会", paragraphs), "wjw-beijing"),
            (new GeneratedArticle(Wechat, path, title, at, "北京卫健委公众号", wechat), "wechat"),
            (new GeneratedArticle(Portal, path, "转载：" + title, at.AddHours(3), "新浪科技", portal), "sina-tech"),
        ];
    }

    private static string IdOf(GeneratedArticle page) => ArticleId.From(new Uri(page.Url));
}
