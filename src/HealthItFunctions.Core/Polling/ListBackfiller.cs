using System.Globalization;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Fetching;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Core.Polling;

/// <summary>What a backfill of one source did: requests made, pages read, links seen and sent on, and why it stopped.</summary>
public sealed record BackfillResult(string SourceId, int Requests, int Pages, int LinksFound, int LinksInMonth, int Enqueued, IReadOnlyList<string> Stops);

/// <summary>
/// <c>healthit backfill --month</c>: walks each list of a source back, page by page (the rules' next-page link or page
/// template), until a page's dated links are all older than the month, and enqueues that month's links (and undated
/// ones: the article's own date decides its month at ingest) through <see cref="SourcePoller"/>'s path, so that
/// <c>publish --month</c> can rebuild a past month. Every request goes through the polite fetcher: robots.txt, the
/// per-host pacing and the SSRF guard hold as in a poll. Validators are not used: a backfill wants the pages in full.
/// </summary>
public sealed partial class ListBackfiller(IPageFetcher fetcher, ListLinkReader reader, SourcePoller poller, ILogger<ListBackfiller> logger)
{
    public async Task<BackfillResult> BackfillAsync(SourceDefinition source, BulletinMonth month, Action<string>? progress, CancellationToken cancellationToken)
    {
        var rules = source.List ?? throw new ArgumentException($"source '{source.Id}' has no list to walk", nameof(source));
        var maxPages = rules.Paging?.MaxPages ?? 1;
        int requests = 0, pages = 0, found = 0, inMonth = 0, enqueued = 0;
        var stops = new List<string>();
        var sent = new HashSet<string>();
        foreach (var startUrl in rules.StartUrls)
        {
            var url = new Uri(startUrl);
            var number = ListRequests.FirstPageNumber(rules);
            var visited = new HashSet<Uri>();
            string? stop = null;
            for (var walked = 0; stop is null; walked++)
            {
                if (walked >= maxPages)
                {
                    stop = rules.Paging is null ? "the rules name no paging (first page only)" : $"maxPages {maxPages} reached";
                    break;
                }

                visited.Add(url);
                requests++;
                var page = await fetcher.FetchAsync(ListRequests.For(rules, url, previous: null, number), cancellationToken);
                if (!page.IsOk)
                {
                    stop = $"{url}: {page.Outcome} {page.Reason}".TrimEnd();
                    break;
                }

                pages++;
                var read = reader.Read(page, rules);
                var links = read.Links.ToList();
                foreach (var feed in read.Feeds)
                {
                    // Feeds are not paged: read once, for whatever of the month they still hold.
                    requests++;
                    var feedPage = await fetcher.FetchAsync(new FetchRequest(feed), cancellationToken);
                    links.AddRange(feedPage.IsOk ? reader.Read(feedPage, rules, ListKind.Rss).Links : []);
                }

                var wanted = links.Where(l => l.Date is not { } date || BulletinMonth.BeijingMonthOf(date) == month).ToList();
                found += links.Count;
                inMonth += wanted.Count;
                enqueued += await poller.EnqueueNewAsync(source, page.FetchedAt, wanted, sent, cancellationToken);
                progress?.Invoke($"{source.Id}: page {walked + 1} {url} {links.Count} links, {wanted.Count} for {month}");

                var dated = links.Where(l => l.Date is not null).ToList();
                var next = read.Next ?? TemplatePage(rules, ++number);
                stop = links.Count == 0 ? $"{url}: no links"
                    : dated.Count > 0 && dated.All(l => BulletinMonth.BeijingMonthOf(l.Date!.Value) < month) ? $"{url}: every date is older than {month}"
                    : next is null ? $"{url}: no next page"
                    : !visited.Add(next) && !rules.IsPost ? $"{url}: the next page is one already read"
                    : null;
                url = next ?? url;
            }

            stops.Add(stop);
        }

        LogDone(source.Id, month.ToString(), requests, found, enqueued);
        return new BackfillResult(source.Id, requests, pages, found, inMonth, enqueued, stops);
    }

    /// <summary>Page <paramref name="number"/> from the template ({page} in the URL; a POST list may keep it in the body only).</summary>
    private static Uri? TemplatePage(ListRules rules, int number) =>
        rules.Paging?.Template is { } template
            ? new Uri(template.Replace("{page}", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill {SourceId} {Month}: {Requests} requests, {Links} links, {Enqueued} enqueued")]
    private partial void LogDone(string sourceId, string month, int requests, int links, int enqueued);
}
