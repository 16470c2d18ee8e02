using System.Collections.Concurrent;
using System.Diagnostics;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Local;
using HealthItFunctions.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Cli.Benchmark;

internal sealed record ProcessBenchmarkReport(int Messages, TimeSpan Elapsed, int Poisoned, IReadOnlyDictionary<IngestOutcome, (int Count, int Transactions)> Costs, int TotalTransactions)
{
    public int Stored => Costs.Where(c => c.Key is IngestOutcome.Stored or IngestOutcome.StoredAsReprint).Sum(c => c.Value.Count);
}

/// <summary>
/// `healthit-bench process`: N generated articles and a share of reprints on a loopback site, every message
/// delivered twice, drained by the same runner as `healthit process` against a fresh Azurite.
/// </summary>
internal static class ProcessBenchmark
{
    private const string OriginalHost = "www.bench-original.test";
    private const string ReprintHost = "www.bench-reprint.test";

    public static async Task<ProcessBenchmarkReport> RunAsync(string repositoryRoot, int articles, int reprints, int seed, Action<string> progress, CancellationToken cancellationToken)
    {
        using var azurite = await AzuriteProcess.StartAsync(repositoryRoot, cancellationToken: cancellationToken);
        var pages = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var site = await StartSiteAsync(pages, cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Polling:UserAgentContact"] = "ops@healthit.local",
            ["Polling:PerHostDelay"] = "00:00:00",
            ["Polling:HostMap:" + OriginalHost] = site.Endpoint,
            ["Polling:HostMap:" + ReprintHost] = site.Endpoint,
        };
        using var host = CliHost.CreateBuilder(settings, LogLevel.Error).Build();
        var services = host.Services;

        var messages = Generate(articles, reprints, seed, pages);
        var queue = services.GetRequiredService<IWorkQueue>();
        // Every message twice: the second delivery is the duplicate the index must stop for one read.
        foreach (var message in messages.Concat(messages))
        {
            await queue.SendAsync(message, cancellationToken);
        }

        // Tables are created on first use; that is not a per-article cost.
        var store = services.GetRequiredService<IArticleStore>();
        await store.GetStateAsync("warm-up", cancellationToken);
        await store.ListFingerprintsAsync([new BulletinMonth(2021, 1)], cancellationToken);
        progress($"enqueued {messages.Count * 2} messages ({articles} articles, {reprints} reprints, each twice); draining");

        var counter = services.GetRequiredService<StorageTransactionCounter>();
        var before = counter.Total;
        var clock = Stopwatch.StartNew();
        var (results, poisoned, costs) = await services.GetRequiredService<PipelineRunner>().DrainArticlesAsync(null, cancellationToken);
        clock.Stop();
        return new ProcessBenchmarkReport(results.Count, clock.Elapsed, poisoned, costs, counter.Total - before);
    }

    private static List<ArticleFetchMessage> Generate(int articles, int reprints, int seed, ConcurrentDictionary<string, string> pages)
    {
        var random = new Random(seed);
        var text = new DistinctText(random);
        var originals = new List<GeneratedArticle>();
        var messages = new List<ArticleFetchMessage>();
        for (var i = 0; i < articles; i++)
        {
            var at = new DateTimeOffset(2021, 1 + i % 12, 1 + i % 28, 9, 0, 0, TimeSpan.FromHours(8));
            originals.Add(new GeneratedArticle(OriginalHost, $"/a/{i}.html", $"第{i}号稿件{text.Sentence(8)}", at, "基准日报", text.Paragraphs(5)));
        }

        var copies = new List<GeneratedArticle>();
        for (var i = 0; i < reprints; i++)
        {
            var original = originals[random.Next(originals.Count)];
            copies.Add(original with
            {
                Host = ReprintHost, Path = $"/r/{i}.html", Title = "转载：" + original.Title, PublishedAt = original.PublishedAt.AddHours(5), Media = "基准转载网",
                Paragraphs = ["来源：基准日报", .. original.Paragraphs, "责任编辑：李明"],
            });
        }

        foreach (var page in originals.Concat(copies))
        {
            pages[page.Host + page.Path] = page.Html();
            messages.Add(new ArticleFetchMessage(ArticleFetchMessage.CurrentVersion, page.Host == OriginalHost ? "wjw-beijing" : "sina-tech",
                page.Url, page.Url, page.Title, null, page.PublishedAt));
        }

        return messages;
    }

    private static async Task<GeneratorSite> StartSiteAsync(ConcurrentDictionary<string, string> pages, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapGet("/{**path}", (HttpContext context) => pages.TryGetValue(context.Request.Host.Host + context.Request.Path, out var html)
            ? Results.Content(html, "text/html; charset=utf-8")
            : Results.NotFound());
        await app.StartAsync(cancellationToken);
        return new GeneratorSite(app);
    }

    /// <summary>The generated pages on Kestrel, 127.0.0.1 and a free port; stopped on dispose.</summary>
    private sealed class GeneratorSite(WebApplication app) : IAsyncDisposable
    {
        public string Endpoint => new Uri(app.Urls.First()).Authority;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
