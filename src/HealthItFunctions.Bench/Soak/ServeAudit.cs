using HealthItFunctions.Infrastructure.Storage;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Bench.Soak;

/// <summary>What a serve run left behind, checked against the replay's own lists.</summary>
public sealed record ServeAuditReport(
    int Articles,
    int DuplicateArticles,
    int Dropped,
    int ListedLinks,
    int LinksStored,
    int LinksDropped,
    IReadOnlyList<string> LinksPoisoned,
    IReadOnlyList<string> LinksPending,
    IReadOnlyList<string> LinksFailing,
    IReadOnlyList<string> LinksLost,
    int BulletinVersions,
    int BulletinsMailedVersions,
    int PoisonMessages)
{
    public bool Passed(int mailsReceived) =>
        DuplicateArticles == 0 && LinksLost.Count == 0 && mailsReceived == BulletinVersions && BulletinsMailedVersions == BulletinVersions;
}

/// <summary>
/// Reads storage after a run: duplicate articles (two rows for one canonical URL), every link the replay's list
/// pages offer accounted for (stored, recorded dropped, in poison, or still queued), and mails against bulletin versions.
/// </summary>
public static class ServeAudit
{
    // The audit reads the adapters' tables directly, on purpose: it checks what was stored, not what the store says.
    public static async Task<ServeAuditReport> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var tables = services.GetRequiredService<TableServiceClient>();
        var storedIds = new HashSet<string>();
        var articles = 0;
        var canonical = new Dictionary<string, int>();
        await foreach (var row in tables.GetTableClient(StorageNames.ArticlesTable).QueryAsync<TableEntity>(select: ["RowKey", "CanonicalUrl"], cancellationToken: cancellationToken))
        {
            articles++;
            storedIds.Add(row.RowKey);
            var url = row.GetString("CanonicalUrl") ?? row.RowKey;
            canonical[url] = canonical.GetValueOrDefault(url) + 1;
        }

        var droppedIds = new HashSet<string>();
        // RecordPoisonedArticle consumes each poisoned message and marks its link "failed": that link is accounted for.
        var failedIds = new HashSet<string>();
        await foreach (var row in tables.GetTableClient(StorageNames.ArticleIndexTable).QueryAsync<TableEntity>(e => e.RowKey == "", cancellationToken: cancellationToken))
        {
            switch (row.GetString("State"))
            {
                case "dropped":
                    droppedIds.Add(row.PartitionKey);
                    break;
                case "failed":
                    failedIds.Add(row.PartitionKey);
                    break;
            }
        }

        var queues = services.GetRequiredService<QueueServiceClient>();
        var names = services.GetRequiredService<IOptions<QueueOptions>>().Value;
        var poisoned = await QueuedUrlsAsync(queues, QueueOptions.PoisonNameOf(names.ArticleFetch), cancellationToken);
        var pending = await QueuedUrlsAsync(queues, names.ArticleFetch, cancellationToken);
        var links = await ListedLinksAsync(services, cancellationToken);

        var lost = new List<string>();
        var inPoison = new List<string>();
        var inQueue = new List<string>();
        var failing = new List<string>();
        var fetcher = services.GetRequiredService<IPageFetcher>();
        foreach (var (id, url) in links)
        {
            if (storedIds.Contains(id) || droppedIds.Contains(id))
            {
                continue;
            }

            if (failedIds.Contains(id) || poisoned.Contains(url) || pending.Contains(url))
            {
                (pending.Contains(url) ? inQueue : inPoison).Add(url);
                continue;
            }

            // Its message may be invisible between retries; a page that fails now is the site's fault, not a lost link.
            var page = await fetcher.FetchAsync(new FetchRequest(new Uri(url)), cancellationToken);
            (page.Outcome == FetchOutcome.Failed ? failing : lost).Add(url);
        }

        var bulletins = await services.GetRequiredService<IBulletinStore>().ListAsync(cancellationToken);
        var poisonCount = 0;
        foreach (var queue in new[] { names.SourcePolls, names.ArticleFetch })
        {
            var (_, count) = await new PoisonQueues(queues).ListAsync(queue, cancellationToken);
            poisonCount += count;
        }

        return new ServeAuditReport(
            articles,
            canonical.Values.Sum(n => n - 1),
            droppedIds.Count,
            links.Count,
            links.Count(l => storedIds.Contains(l.Id)),
            links.Count(l => droppedIds.Contains(l.Id)),
            inPoison,
            inQueue,
            failing,
            lost,
            bulletins.Sum(b => b.Versions.Count),
            // Unattended, the month end only drafts: each draft version is announced to the editors once (readers wait for an approval).
            bulletins.Sum(b => b.NotifiedVersion),
            poisonCount);
    }

    /// <summary>The links the replay's list pages and feeds offer now, read as PollSource reads them (id = canonical URL hash).</summary>
    private static async Task<List<(string Id, string Url)>> ListedLinksAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<ISourceCatalog>();
        var fetcher = services.GetRequiredService<IPageFetcher>();
        var reader = services.GetRequiredService<ListLinkReader>();
        var links = new Dictionary<string, string>();
        foreach (var source in catalog.Current.Sources.Where(s => s.IsPollable))
        {
            var rules = source.List!;
            foreach (var start in rules.StartUrls)
            {
                var page = await fetcher.FetchAsync(ListRequests.For(rules, new Uri(start)), cancellationToken);
                if (!page.IsOk)
                {
                    continue;
                }

                var found = reader.Read(page, rules).Links;
                foreach (var link in found)
                {
                    links.TryAdd(ArticleUrls.Identify(link.Url, source).Id, link.Url.AbsoluteUri);
                }
            }
        }

        return links.Select(l => (l.Key, l.Value)).ToList();
    }

    /// <summary>The url of every article-fetch message in a queue (peeked: up to 32; enough for one replayed month).</summary>
    private static async Task<HashSet<string>> QueuedUrlsAsync(QueueServiceClient queues, string name, CancellationToken cancellationToken)
    {
        var urls = new HashSet<string>();
        var (messages, _) = await new PoisonQueues(queues).PeekAsync(name, cancellationToken);
        foreach (var text in messages)
        {
            var unwrapped = PoisonQueues.Describe(name, "", 0, null, text).Message;
            if (QueueMessageCodec.TryDecode<ArticleFetchMessage>(unwrapped, out var message, out _))
            {
                urls.Add(message.Url);
            }
        }

        return urls;
    }
}
