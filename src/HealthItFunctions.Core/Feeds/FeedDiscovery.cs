using HealthItFunctions.Core.Urls;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Feeds;

/// <summary>The feeds an HTML page announces: &lt;link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href&gt;.</summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"];

    public static IReadOnlyList<Uri> Find(HtmlDom document, Uri pageUrl)
    {
        var feeds = new List<Uri>();
        foreach (var link in document.DocumentNode.SelectNodes("//link[@href and @type]"))
        {
            var rel = link.GetAttributeValue("rel", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = link.GetAttributeValue("type", "").Split(';')[0].Trim();
            if (rel.Contains("alternate", StringComparer.OrdinalIgnoreCase)
                && FeedTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
                && UrlCanonicalizer.Resolve(pageUrl, link.GetAttributeValue("href", null)) is { } url
                && !feeds.Contains(url))
            {
                feeds.Add(url);
            }
        }

        return feeds;
    }
}
