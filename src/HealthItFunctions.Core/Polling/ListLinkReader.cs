using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Feeds;
using HealthItFunctions.Core.Text;
using HealthItFunctions.Core.Urls;
using HtmlAgilityPack;

namespace HealthItFunctions.Core.Polling;

/// <summary>A link a list page or feed offers: where, and what the list said about it.</summary>
public sealed record DiscoveredLink(Uri Url, string? Title, DateTimeOffset? Date);

/// <summary>Applies a source's <see cref="ListRules"/> to an HTML list page.</summary>
public sealed class ListLinkReader(PublishTimeParser timeParser, FeedReader feeds)
{
    public IReadOnlyList<DiscoveredLink> ReadHtmlList(ReadOnlySpan<byte> bytes, string? contentType, Uri pageUrl, ListRules rules, DateTimeOffset fetchedAt) =>
        ReadHtmlList(HtmlDecoder.Decode(bytes, contentType).Text, pageUrl, rules, fetchedAt);

    /// <summary>An already decoded list page (the poller decodes once, to keep the encoding's evidence with the fetch record).</summary>
    public IReadOnlyList<DiscoveredLink> ReadHtmlList(string html, Uri pageUrl, ListRules rules, DateTimeOffset fetchedAt)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var pattern = rules.UrlPattern is { Length: > 0 } p ? new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;

        var rows = rules.Rows is { Length: > 0 }
            ? document.DocumentNode.SelectNodes(rules.Rows)?.ToList() ?? []
            : [document.DocumentNode];
        var links = new List<DiscoveredLink>();
        var seen = new HashSet<Uri>();
        foreach (var row in rows)
        {
            var date = rules.Date is { Length: > 0 } && row.SelectSingleNode(rules.Date) is { } dateNode
                ? timeParser.Parse(HtmlEntity.DeEntitize(dateNode.InnerText), fetchedAt)?.Value
                : null;
            foreach (var anchor in row.SelectNodes(rules.Link) ?? Enumerable.Empty<HtmlNode>())
            {
                if (anchor.GetAttributeValue("href", null) is not { } href
                    || UrlCanonicalizer.Resolve(pageUrl, HtmlEntity.DeEntitize(href)) is not { } url
                    || (pattern is not null && !pattern.IsMatch(url.AbsoluteUri))
                    || !seen.Add(url))
                {
                    continue;
                }

                var title = anchor.GetAttributeValue("title", null) ?? anchor.InnerText;
                links.Add(new DiscoveredLink(url, Clean(title), date));
            }
        }

        return links;
    }

    /// <summary>RSS 2.0 or Atom through <see cref="FeedReader"/>, which turns a broken feed into notes, never an exception.</summary>
    public (IReadOnlyList<DiscoveredLink> Links, IReadOnlyList<string> Notes) ReadFeed(byte[] bytes, string? contentType, Uri feedUrl)
    {
        var feed = feeds.Read(bytes, contentType, feedUrl);
        return (feed.Items.Select(item => new DiscoveredLink(item.Link, Clean(item.Title), item.Published)).ToList(), feed.Notes);
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Regex.Replace(HtmlEntity.DeEntitize(text), @"\s+", " ").Trim();
}
