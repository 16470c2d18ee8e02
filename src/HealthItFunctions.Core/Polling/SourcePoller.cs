using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Urls;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Core.Polling;

/// <summary>What one poll of one source found, for logs, the CLI summary and source health.</summary>
public sealed record PollResult(string SourceId, int PagesFetched, int PagesFailed, int LinksFound, int NewLinks, IReadOnlyList<string> Problems);

/// <summary>
/// PollSources and PollSource: decides which sources are due, and turns a source's list pages into one
/// article-fetch message per link not seen before.
/// </summary>
public sealed class SourcePoller(
    ISourceCatalog catalog,
    IPageFetcher fetcher,
    IArticleIndex index,
    IWorkQueue queue,
    MessageIntake intake,
    ListLinkReader listReader,
    TimeProvider clock,
    ILogger<SourcePoller> logger)
{
    /// <summary>The timer's half: one source-polls message per due source.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        var due = catalog.Due(clock.GetUtcNow());
        foreach (var source in due)
        {
            await queue.SendAsync(SourcePollMessage.For(source.Id), cancellationToken);
        }

        logger.LogInformation("Enqueued {Count} source polls", due.Count);
        return due.Count;
    }

    /// <summary>The queue's half: one raw source-polls message.</summary>
    public async Task<PollResult?> HandleAsync(string rawMessage, CancellationToken cancellationToken)
    {
        if (await intake.AcceptAsync<SourcePollMessage>(rawMessage, cancellationToken) is not { } message)
        {
            return null;
        }

        if (catalog.Find(message.SourceId) is not { IsPollable: true } source)
        {
            await intake.RejectAsync<SourcePollMessage>(rawMessage, $"source '{message.SourceId}' is not in the catalog or not pollable", cancellationToken);
            return null;
        }

        return await PollAsync(source, cancellationToken);
    }

    public async Task<PollResult> PollAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var rules = source.List!;
        var problems = new List<string>();
        int fetched = 0, failed = 0, found = 0, fresh = 0;
        var enqueued = new HashSet<string>();
        foreach (var startUrl in rules.StartUrls)
        {
            var page = await fetcher.FetchAsync(new FetchRequest(new Uri(startUrl)), cancellationToken);
            if (!page.IsOk)
            {
                failed++;
                problems.Add($"{startUrl}: {page.Outcome} {page.StatusCode} {page.Reason}".TrimEnd());
                logger.LogWarning("Source {SourceId}: list {Url} gave {Outcome} ({Reason})", source.Id, startUrl, page.Outcome, page.Reason);
                continue;
            }

            fetched++;
            var (links, notes) = ReadLinks(page, rules);
            problems.AddRange(notes.Select(note => $"{startUrl}: {note}"));
            found += links.Count;
            foreach (var link in links)
            {
                var canonical = UrlCanonicalizer.Canonicalize(link.Url, source.Canonical);
                var id = ArticleId.From(canonical);
                if (!enqueued.Add(id) || await index.IsKnownAsync(id, cancellationToken))
                {
                    continue;
                }

                fresh++;
                await queue.SendAsync(new ArticleFetchMessage(
                    ArticleFetchMessage.CurrentVersion, source.Id, link.Url.AbsoluteUri, canonical.AbsoluteUri,
                    link.Title, link.Date, page.FetchedAt), cancellationToken);
            }
        }

        logger.LogInformation("Source {SourceId}: {Found} links, {New} new, {Failed} list pages failed", source.Id, found, fresh, failed);
        return new PollResult(source.Id, fetched, failed, found, fresh, problems);
    }

    private (IReadOnlyList<DiscoveredLink> Links, IReadOnlyList<string> Notes) ReadLinks(FetchedPage page, ListRules rules) => rules.Kind switch
    {
        ListKind.HtmlList => (listReader.ReadHtmlList(page.Body, page.ContentType, page.FinalUrl, rules, page.FetchedAt), []),
        _ => listReader.ReadFeed(page.Body, page.ContentType, page.FinalUrl),
    };
}
