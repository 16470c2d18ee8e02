using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Text;
using HealthItFunctions.Core.Urls;
using HtmlAgilityPack;

namespace HealthItFunctions.Core.Polling;

/// <summary>A link a list page or feed offers: where, and what the list said about it.</summary>
public sealed record DiscoveredLink(Uri Url, string? Title, DateTimeOffset? Date);

/// <summary>Applies a source's <see cref="ListRules"/> to an HTML list page.</summary>
public sealed class ListLinkReader(PublishTimeParser timeParser)
{
    public IReadOnlyList<DiscoveredLink> ReadHtmlList(ReadOnlySpan<byte> bytes, string? contentType, Uri pageUrl, ListRules rules, DateTimeOffset fetchedAt)
    {
        var document = new HtmlDocument();
        document.LoadHtml(HtmlDecoder.Decode(bytes, contentType).Text);
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

    /// <summary>RSS 2.0 or Atom: each item's link, title and date. A feed the parser rejects yields no links, not an exception.</summary>
    public IReadOnlyList<DiscoveredLink> ReadFeed(ReadOnlySpan<byte> bytes, string? contentType, Uri feedUrl)
    {
        using var stream = new MemoryStream(bytes.ToArray());
        using var xml = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        var feed = System.ServiceModel.Syndication.SyndicationFeed.Load(xml);
        return feed.Items
            .Select(item => (Item: item, Link: item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri))
            .Where(x => x.Link is not null && UrlCanonicalizer.Resolve(feedUrl, x.Link.OriginalString) is not null)
            .Select(x => new DiscoveredLink(UrlCanonicalizer.Resolve(feedUrl, x.Link!.OriginalString)!, Clean(x.Item.Title?.Text),
                x.Item.PublishDate == default ? null : x.Item.PublishDate))
            .ToList();
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Regex.Replace(HtmlEntity.DeEntitize(text), @"\s+", " ").Trim();
}
