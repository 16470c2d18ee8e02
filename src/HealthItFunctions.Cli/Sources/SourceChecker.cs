using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Cli.Sources;

/// <summary>What `healthit sources check` found for one list page.</summary>
public sealed record ListCheck(string Url, FetchOutcome Outcome, string? Reason, IReadOnlyList<DiscoveredLink> Links, IReadOnlyList<string> Notes);

/// <summary>What it found for a sample article: which fields the source's own detail rules supplied.</summary>
public sealed record SampleCheck(string Url, string? Problem, ExtractedArticle? Article, IReadOnlyList<ArticleField> FromSourceRules);

public sealed record SourceCheck(SourceDefinition Source, IReadOnlyList<ListCheck> Lists, SampleCheck? Sample)
{
    /// <summary>Every list loaded and offered links, and a sample article read, with the source's detail rules (if any) contributing.</summary>
    public bool Healthy => Lists.All(l => l.Outcome == FetchOutcome.Ok && l.Links.Count > 0) && Sample is { Article: not null } sample
        && (Source.Detail is null || sample.FromSourceRules.Count > 0);
}

/// <summary>
/// One source's list pages and one sample article through the same fetcher, link reader and article reader as polling
/// and processing; nothing is stored or enqueued.
/// </summary>
public sealed class SourceChecker(IPageFetcher fetcher, ListLinkReader lists, ArticleReader articles)
{
    public async Task<SourceCheck> CheckAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var rules = source.List!;
        var checks = new List<ListCheck>();
        foreach (var startUrl in rules.StartUrls)
        {
            var page = await fetcher.FetchAsync(ListRequests.For(rules, new Uri(startUrl)), cancellationToken);
            if (!page.IsOk)
            {
                checks.Add(new ListCheck(startUrl, page.Outcome, page.Reason ?? $"HTTP {page.StatusCode}", [], []));
                continue;
            }

            var read = lists.Read(page, rules);
            var notes = read.FellBack
                ? [.. read.Notes, "the rows/link rule matches nothing; these links come from anchors matching urlPattern (fix the rule)"]
                : read.Notes;
            checks.Add(new ListCheck(startUrl, page.Outcome, null, read.Links, notes));
            foreach (var feed in read.Feeds)
            {
                var feedPage = await fetcher.FetchAsync(new FetchRequest(feed), cancellationToken);
                var feedRead = feedPage.IsOk ? lists.Read(feedPage, rules, ListKind.Rss) : null;
                checks.Add(new ListCheck(feed.AbsoluteUri, feedPage.Outcome, feedRead is null ? feedPage.Reason ?? $"HTTP {feedPage.StatusCode}" : null,
                    feedRead?.Links ?? [], feedRead?.Notes ?? []));
            }
        }

        // Up to three candidates: one article that fails to load says little about the detail rules.
        SampleCheck? sample = null;
        foreach (var url in checks.SelectMany(c => c.Links).Select(l => l.Url).Distinct().Take(3))
        {
            sample = await SampleAsync(source, url, cancellationToken);
            if (sample.Article is not null)
            {
                break;
            }
        }

        return new SourceCheck(source, checks, sample);
    }

    private async Task<SampleCheck> SampleAsync(SourceDefinition source, Uri url, CancellationToken cancellationToken)
    {
        var page = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        if (!page.IsOk)
        {
            return new SampleCheck(url.AbsoluteUri, $"{page.Outcome}: {page.Reason ?? $"HTTP {page.StatusCode}"}", null, []);
        }

        var result = articles.Read(page.Body, page.ContentType, page.FinalUrl, page.FetchedAt);
        if (result.Article is not { } article)
        {
            return new SampleCheck(url.AbsoluteUri, $"not an article: {result.Reason} ({result.Detail})", null, []);
        }

        var rule = "source:" + source.Id;
        var fromRules = article.Rules.Where(r => r.Value == rule).Select(r => r.Key).Order().ToList();
        return new SampleCheck(url.AbsoluteUri, null, article, fromRules);
    }
}
