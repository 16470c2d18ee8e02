using System.Collections.Concurrent;
using System.Diagnostics;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Processing;

/// <summary>At-least-once delivery, eight workers at once, real storage and a real site: every article is stored once.</summary>
[Collection(ProcessingStorage.Name)]
public sealed class ExactlyOnceTests(AzuriteFixture azurite)
{
    private const int Articles = 1_000;
    private const int Workers = 8;
    private const int Year = 2013;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IngestAsync_ThousandMessagesEachDeliveredTwiceByEightWorkers_StoresEachArticleOnceInOneCluster()
    {
        var random = new Random(9);
        var hosts = new[] { "news.once.test", "www.once.test", "bj.once.test" };
        var articles = DistinctArticles(random, hosts);
        await using var harness = await IngestHarness.StartAsync(azurite, hosts);
        articles.ForEach(a => harness.Serve(a));
        // Half the messages arrive as adjacent twins, which two workers take at the same moment (both miss the index,
        // both fetch, the insert decides); the other half's second delivery comes at a random later point.
        var messages = articles.Select(a => IngestHarness.MessageFor(a, "test-source")).ToList();
        var deliveries = messages.Take(Articles / 2).SelectMany(m => new[] { m, m }).ToList();
        var late = messages.Skip(Articles / 2).SelectMany(m => new[] { m, m }).OrderBy(_ => random.Next()).ToList();
        deliveries.AddRange(late);
        var queue = new ConcurrentQueue<Core.Pipeline.ArticleFetchMessage>(deliveries);
        var results = new ConcurrentBag<IngestResult>();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var message))
            {
                results.Add(await harness.Ingestor.IngestAsync(message, Ct));
            }
        }, Ct)));
        clock.Stop();

        var stored = new List<StoredArticle>();
        for (var month = 1; month <= 12; month++)
        {
            stored.AddRange(await harness.Store.ListMonthAsync(new BulletinMonth(Year, month), Ct));
        }

        var racedInserts = results.Count(r => r.Outcome == IngestOutcome.Duplicate && r.Title is not null);
        TestContext.Current.TestOutputHelper?.WriteLine($"{deliveries.Count} deliveries by {Workers} workers in {clock.Elapsed.TotalSeconds:F1} s; {racedInserts} duplicates decided by the insert (409)");
        Assert.Equal(Articles, results.Count(r => r.Outcome == IngestOutcome.Stored));
        Assert.Equal(Articles, results.Count(r => r.Outcome == IngestOutcome.Duplicate));
        Assert.True(racedInserts > 0, "no two deliveries raced past the index; the test did not exercise the insert-if-absent");
        Assert.Equal(Articles, stored.Count);
        Assert.Equal(messages.Select(m => ArticleId.From(new Uri(m.CanonicalUrl))).Order(), stored.Select(a => a.Id).Order());
        Assert.All(stored, a => Assert.Equal(a.Id, a.ClusterId));
        Assert.Equal(Articles, stored.Select(a => a.ClusterId).Distinct().Count());
    }

    /// <summary>
    /// The premise: distinct pages, or fewer clusters would be right and the count would prove nothing. Even random
    /// texts meet within 15 bits about once in 10^5 pairs (binomial: 1.2e-5), so a page within the threshold of one in
    /// its window (same or adjacent month) is written again.
    /// </summary>
    private static List<GeneratedArticle> DistinctArticles(Random random, string[] hosts)
    {
        var text = new DistinctText(random);
        var detector = new NearDuplicateDetector();
        var articles = new List<(GeneratedArticle Article, ulong Print)>();
        for (var i = 0; i < Articles;)
        {
            var article = new GeneratedArticle(hosts[i % hosts.Length], $"/a/{i}.html", $"第{i}号测试稿件{text.Sentence(8)}",
                new DateTimeOffset(Year, 1 + i % 12, 1 + i % 28, 9, 0, 0, TimeSpan.FromHours(8)), "测试日报", text.Paragraphs(4));
            var print = detector.Fingerprint(article.Title, string.Join("\n", article.Paragraphs))!.Value;
            if (!articles.Any(a => Math.Abs(a.Article.PublishedAt.Month - article.PublishedAt.Month) <= 1 && detector.IsNearDuplicate(a.Print, print)))
            {
                articles.Add((article, print));
                i++;
            }
        }

        return articles.Select(a => a.Article).ToList();
    }
}
