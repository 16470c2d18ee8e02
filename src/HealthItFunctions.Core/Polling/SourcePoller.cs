using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Core.Text;
using HealthItFunctions.Core.Urls;
using Microsoft.Extensions.Logging;
using HealthItFunctions.Core.Telemetry;

namespace HealthItFunctions.Core.Polling;

/// <summary>What one poll of one source found, for logs, the CLI summary and source health.</summary>
public sealed record PollResult(
    string SourceId, int PagesFetched, int PagesFailed, int LinksFound, int NewLinks, IReadOnlyList<string> Problems, int PagesNotModified = 0);

/// <summary>
/// PollSources and PollSource: decides which sources are due, and turns a source's list pages into one
/// article-fetch message per link not seen before. List pages are fetched with the validators of the last poll, so an
/// unchanged page costs a 304 and nothing else; the poll's outcome updates the source's health and may raise an incident.
/// </summary>
public sealed partial class SourcePoller(
    ISourceCatalog catalog,
    IPageFetcher fetcher,
    IArticleIndex index,
    IWorkQueue queue,
    MessageIntake intake,
    ListLinkReader listReader,
    ISourceStateStore states,
    SourceHealthTracker health,
    IAlertSink alerts,
    TimeProvider clock,
    ILogger<SourcePoller> logger)
{
    /// <summary>The timer's half: one source-polls message per due source.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        await catalog.RefreshAsync(cancellationToken);
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

        await catalog.RefreshAsync(cancellationToken);
        if (catalog.Find(message.SourceId) is not { IsPollable: true } source)
        {
            await intake.RejectAsync<SourcePollMessage>(rawMessage, $"source '{message.SourceId}' is not in the catalog or not pollable", cancellationToken);
            return null;
        }

        return await PollAsync(source, cancellationToken);
    }

    public async Task<PollResult> PollAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        // The trace every link found here continues in its ingest (ArticleFetchMessage.Traceparent).
        using var activity = HealthItTelemetry.Source.StartActivity("poll source");
        activity?.SetTag("healthit.source", source.Id);
        var rules = source.List!;
        var state = await states.GetAsync(source.Id, cancellationToken);
        var pageStates = new Dictionary<string, ListPageState>(state.Pages);
        var pages = new List<PagePoll>();
        var problems = new List<string>();
        var notes = new List<string>();
        string? contradiction = null;
        var fresh = 0;
        var enqueued = new HashSet<string>();
        // Start URLs, then the feeds they announce (discoverFeeds / kind discover), each polled once.
        var work = new Queue<(string Url, ListKind? Kind)>(rules.StartUrls.Select(url => (url, (ListKind?)null)));
        var queued = new HashSet<string>(rules.StartUrls, StringComparer.Ordinal);
        while (work.TryDequeue(out var item))
        {
            var (url, kind) = item;
            var ruleApplies = kind is null && rules.Kind is ListKind.HtmlList or ListKind.Json;
            var previous = state.Pages.GetValueOrDefault(url);
            var page = await fetcher.FetchAsync(ListRequests.For(rules, new Uri(url), previous), cancellationToken);
            var record = (previous ?? new ListPageState()) with { FetchedAt = page.FetchedAt, Status = page.StatusCode };
            switch (page.Outcome)
            {
                case FetchOutcome.NotModified:
                    // The validators held: no parsing, no index lookups, no messages; the feeds it announced last time still count.
                    pageStates[url] = record with { ETag = page.ETag, LastModified = page.LastModified };
                    pages.Add(new PagePoll(url, page.Outcome, null, null, ruleApplies));
                    Follow(previous?.Feeds ?? []);
                    continue;
                case FetchOutcome.Failed or FetchOutcome.Refused:
                    pageStates[url] = record;
                    pages.Add(new PagePoll(url, page.Outcome, page.Reason, null, ruleApplies));
                    problems.Add($"{url}: {page.Outcome} {page.StatusCode} {page.Reason}".TrimEnd());
                    if (page.Outcome == FetchOutcome.Refused && page.Reason?.StartsWith("disallowed by robots.txt", StringComparison.Ordinal) == true)
                    {
                        // A health note, logged once when it first appears (RecordAsync), not on every poll.
                        notes.Add($"robots.txt disallows list page {url}; ask the site for access or remove the start URL");
                    }
                    else
                    {
                        logger.LogWarning("Source {SourceId}: list {Url} gave {Outcome} ({Reason})", source.Id, url, page.Outcome, page.Reason);
                    }

                    continue;
            }

            var read = listReader.Read(page, rules, kind);
            if (read.Decoded is { } decoded && decoded.Evidence.Contains("ignored ", StringComparison.Ordinal))
            {
                contradiction = $"{url}: {decoded.Evidence}";
            }

            notes.AddRange(read.Notes.Select(note => $"{url}: {note}"));
            problems.AddRange(read.Notes.Select(note => $"{url}: {note}"));
            pageStates[url] = record with
            {
                ETag = page.ETag,
                LastModified = page.LastModified,
                Links = read.Links.Count,
                Encoding = read.Decoded?.Encoding.WebName,
                EncodingEvidence = read.Decoded?.Evidence,
                Feeds = read.Feeds.Count > 0 ? read.Feeds.Select(f => f.AbsoluteUri).ToList() : null,
            };
            pages.Add(new PagePoll(url, page.Outcome, null, read.Links.Count, ruleApplies, read.FellBack));
            Follow(read.Feeds.Select(f => f.AbsoluteUri));
            fresh += await EnqueueNewAsync(source, page.FetchedAt, read.Links, enqueued, cancellationToken, notes);
        }

        var result = new PollResult(source.Id,
            pages.Count(p => p.Outcome == FetchOutcome.Ok), pages.Count(p => p.Outcome is FetchOutcome.Failed or FetchOutcome.Refused),
            pages.Sum(p => p.Links ?? 0), fresh, problems, pages.Count(p => p.Outcome == FetchOutcome.NotModified));
        await RecordAsync(source, state with { Pages = pageStates }, new PollObservation(clock.GetUtcNow(), pages, fresh, notes), contradiction, cancellationToken);
        var tag = new KeyValuePair<string, object?>("source", source.Id);
        HealthItTelemetry.LinksFound.Add(result.LinksFound, tag);
        HealthItTelemetry.LinksNew.Add(fresh, tag);
        logger.LogInformation("Source {SourceId}: {Found} links, {New} new, {NotModified} unchanged, {Failed} list pages failed",
            source.Id, result.LinksFound, fresh, result.PagesNotModified, result.PagesFailed);
        return result;

        void Follow(IEnumerable<string> feeds)
        {
            foreach (var feed in feeds.Where(queued.Add))
            {
                work.Enqueue((feed, ListKind.Rss));
            }
        }
    }

    /// <summary>A list title is only a hint for the fetch; one longer than this is cut rather than risk the message size.</summary>
    private const int MaxListTitleChars = 1000;

    /// <summary>
    /// One message per link whose canonical id is neither known nor already sent in this run. Backfill enqueues
    /// through here too, so a past month's links take exactly the path a poll's do. A link too large for a queue
    /// message is skipped with a line in <paramref name="notes"/>.
    /// </summary>
    internal async Task<int> EnqueueNewAsync(
        SourceDefinition source, DateTimeOffset discoveredAt, IReadOnlyList<DiscoveredLink> links, HashSet<string> enqueued, CancellationToken cancellationToken,
        List<string>? notes = null)
    {
        var fresh = 0;
        foreach (var link in links)
        {
            var (_, _, canonical, id) = ArticleUrls.Identify(link.Url, source);
            if (!enqueued.Add(id) || await index.IsKnownAsync(id, cancellationToken))
            {
                continue;
            }

            var title = link.Title is { Length: > MaxListTitleChars } longTitle ? longTitle[..MaxListTitleChars] : link.Title;
            var message = new ArticleFetchMessage(ArticleFetchMessage.CurrentVersion, source.Id, link.Url.AbsoluteUri, canonical.AbsoluteUri, title, link.Date, discoveredAt,
                HealthItTelemetry.CurrentTraceparent());
            if (!QueueMessageCodec.Fits(message))
            {
                // One hostile link must not cost the links after it, nor the poll's health record.
                var shown = link.Url.AbsoluteUri.Length > 120 ? link.Url.AbsoluteUri[..120] + "…" : link.Url.AbsoluteUri;
                notes?.Add($"skipped a link whose address ({link.Url.AbsoluteUri.Length} characters) does not fit a queue message: {shown}");
                logger.LogWarning("Source {SourceId}: skipped a link too long for a queue message: {Url}", source.Id, shown);
                continue;
            }

            fresh++;
            await queue.SendAsync(message, cancellationToken);
        }

        return fresh;
    }

    /// <summary>
    /// Saves the new validators and health after the messages are out (a crash before this re-fetches in full, never
    /// loses links), then raises the incidents only if this poll's save won.
    /// </summary>
    private async Task RecordAsync(SourceDefinition source, SourceState state, PollObservation poll, string? contradiction, CancellationToken cancellationToken)
    {
        var (next, events) = health.Apply(state, poll);
        foreach (var note in poll.Notes.Except(state.Notes))
        {
            LogNewNote(source.Id, note);
        }

        if (contradiction is not null && state.EncodingContradiction is null)
        {
            // Once per source: the decoder already chose right; the log only tells an operator the site's declaration lies.
            LogEncodingContradiction(source.Id, contradiction);
            next = next with { EncodingContradiction = contradiction };
        }

        if (!await states.TrySaveAsync(next, cancellationToken))
        {
            logger.LogInformation("Source {SourceId}: another poll saved its state first; this poll's incidents are left to it", source.Id);
            return;
        }

        OpenIncidents.Record(next, poll.At);
        foreach (var incident in events)
        {
            await alerts.RaiseAsync(incident, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId}: {Note}")]
    private partial void LogNewNote(string sourceId, string note);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId}: the page's bytes contradict its declared charset; decoded as the bytes say ({Evidence})")]
    private partial void LogEncodingContradiction(string sourceId, string evidence);
}
