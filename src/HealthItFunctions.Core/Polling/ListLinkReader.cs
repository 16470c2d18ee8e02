using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Feeds;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Text;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Polling;

/// <summary>A link a list page or feed offers: where, and what the list said about it.</summary>
public sealed record DiscoveredLink(Uri Url, string? Title, DateTimeOffset? Date);

/// <summary>What one fetched list page, feed or JSON list yielded.</summary>
/// <param name="FellBack">The rows/link rule found nothing and the links were taken from every anchor matching urlPattern.</param>
/// <param name="Feeds">Feeds the page announces (&lt;link rel="alternate"&gt;), when the rules ask for discovery.</param>
/// <param name="Next">The next page's URL, when the rules name a next-page link and the page has one.</param>
/// <param name="Decoded">The decoded HTML of an html-list or discover page (its encoding evidence goes to the fetch record).</param>
public sealed record ListRead(
    IReadOnlyList<DiscoveredLink> Links, IReadOnlyList<string> Notes, bool FellBack = false,
    IReadOnlyList<Uri>? Feeds = null, Uri? Next = null, DecodedHtml? Decoded = null)
{
    public IReadOnlyList<Uri> Feeds { get; init; } = Feeds ?? [];
}

/// <summary>
/// Applies a source's <see cref="ListRules"/> to a fetched list: an HTML list (rows/link/date XPaths, never blind: when
/// they find nothing, the anchors matching urlPattern), a feed (RSS, Atom, JSON Feed) or a JSON endpoint. Every poll,
/// check, audit and backfill reads lists here.
/// </summary>
public sealed class ListLinkReader(PublishTimeParser timeParser, FeedReader feedReader)
{
    private readonly JsonListReader _json = new(timeParser);

    /// <param name="kind">The kind to read the page as; a feed discovered on an HTML page is read as a feed.</param>
    public ListRead Read(FetchedPage page, ListRules rules, ListKind? kind = null)
    {
        switch (kind ?? rules.Kind)
        {
            case ListKind.Json:
                var (jsonLinks, jsonNotes) = _json.Read(page.Body, page.FinalUrl, rules, page.FetchedAt);
                return new ListRead(jsonLinks, jsonNotes);
            case ListKind.Rss or ListKind.Atom or ListKind.JsonFeed:
                var (feedLinks, feedNotes) = ReadFeed(page.Body, page.ContentType, page.FinalUrl);
                // A configured feed is the source's own; a discovered one may be a comments or category feed, so it keeps to urlPattern.
                return new ListRead(kind is null ? feedLinks : Matching(feedLinks, rules), feedNotes);
        }

        var decoded = HtmlDecoder.Decode(page.Body, page.ContentType);
        var document = HtmlDom.Parse(decoded.Text);
        var feeds = rules.DiscoverFeeds || rules.Kind == ListKind.Discover ? FeedDiscovery.Find(document, page.FinalUrl) : [];
        if (rules.Kind == ListKind.Discover)
        {
            var notes = feeds.Count == 0 ? ["the page announces no feed (<link rel=\"alternate\">); use kind html-list with rows/link instead"] : new List<string>();
            return new ListRead([], notes, Feeds: feeds, Decoded: decoded);
        }

        var (links, fellBack) = ReadHtml(document, page.FinalUrl, rules, page.FetchedAt);
        return new ListRead(links, [], fellBack, feeds, NextPage(document, page.FinalUrl, rules), decoded);
    }

    /// <summary>An HTML list page's links by the rules (the fallback included), from its bytes.</summary>
    public IReadOnlyList<DiscoveredLink> ReadHtmlList(ReadOnlySpan<byte> bytes, string? contentType, Uri pageUrl, ListRules rules, DateTimeOffset fetchedAt) =>
        ReadHtmlList(HtmlDecoder.Decode(bytes, contentType).Text, pageUrl, rules, fetchedAt);

    public IReadOnlyList<DiscoveredLink> ReadHtmlList(string html, Uri pageUrl, ListRules rules, DateTimeOffset fetchedAt)
    {
        var document = HtmlDom.Parse(html);
        return ReadHtml(document, pageUrl, rules, fetchedAt).Links;
    }

    /// <summary>RSS 2.0, Atom or JSON Feed through <see cref="FeedReader"/>, which turns a broken feed into notes, never an exception.</summary>
    public (IReadOnlyList<DiscoveredLink> Links, IReadOnlyList<string> Notes) ReadFeed(byte[] bytes, string? contentType, Uri feedUrl)
    {
        var feed = feedReader.Read(bytes, contentType, feedUrl);
        return (feed.Items.Select(item => new DiscoveredLink(item.Link, Clean(item.Title), item.Published)).ToList(), feed.Notes);
    }

    private (IReadOnlyList<DiscoveredLink> Links, bool FellBack) ReadHtml(HtmlDom document, Uri pageUrl, ListRules rules, DateTimeOffset fetchedAt)
    {
        var pattern = Pattern(rules);
        var rows = rules.Rows is { Length: > 0 }
            ? document.DocumentNode.SelectNodes(rules.Rows).ToList()
            : [document.DocumentNode];
        var links = new List<DiscoveredLink>();
        var seen = new HashSet<Uri>();
        foreach (var row in rows)
        {
            var date = rules.Date is { Length: > 0 } && row.SelectSingleNode(rules.Date) is { } dateNode
                ? timeParser.Parse(dateNode.InnerText, fetchedAt)?.Value
                : null;
            AddAnchors(row.SelectNodes(rules.Link), pageUrl, pattern, date, seen, links);
        }

        if (links.Count > 0 || pattern is null)
        {
            return (links, false);
        }

        // Never blind: the site changed its markup, but its article URLs still have their shape. The links keep the
        // source alive while the rule-broken incident asks for the rule to be fixed; list dates are lost until then.
        AddAnchors(document.DocumentNode.SelectNodes("//a[@href]"), pageUrl, pattern, null, seen, links);
        return (links, links.Count > 0);
    }

    private static void AddAnchors(IEnumerable<DomNode>? anchors, Uri pageUrl, Regex? pattern, DateTimeOffset? date, HashSet<Uri> seen, List<DiscoveredLink> links)
    {
        foreach (var anchor in anchors ?? [])
        {
            if (anchor.GetAttributeValue("href", null) is not { } href
                || UrlCanonicalizer.Resolve(pageUrl, href) is not { } url
                || (pattern is not null && !pattern.IsMatch(url.AbsoluteUri))
                || !seen.Add(url))
            {
                continue;
            }

            var title = anchor.GetAttributeValue("title", null) ?? anchor.InnerText;
            links.Add(new DiscoveredLink(url, Clean(title), date));
        }
    }

    private static Uri? NextPage(HtmlDom document, Uri pageUrl, ListRules rules) =>
        rules.Paging?.Next is { Length: > 0 } next && document.DocumentNode.SelectSingleNode(next) is { } anchor
            ? UrlCanonicalizer.Resolve(pageUrl, anchor.GetAttributeValue("href", null))
            : null;

    /// <summary>A feed's items keep to the source's article shape too (a bridge may mix in other links).</summary>
    private static IReadOnlyList<DiscoveredLink> Matching(IReadOnlyList<DiscoveredLink> links, ListRules rules) =>
        Pattern(rules) is { } pattern ? links.Where(l => pattern.IsMatch(l.Url.AbsoluteUri)).ToList() : links;

    private static Regex? Pattern(ListRules rules) =>
        rules.UrlPattern is { Length: > 0 } p ? new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Regex.Replace(text, @"\s+", " ").Trim();
}
