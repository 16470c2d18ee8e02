using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Feeds;

/// <summary>
/// RSS 2.0, Atom and JSON Feed (HIT专家网's feed; RSSHub, WeRSS and wechat2rss bridges for WeChat accounts) → link, title, date.
/// System.ServiceModel.Syndication reads well-formed feeds; what it rejects (odd dates, stray elements) is read again
/// leniently from the XML, with a note, so a sloppy feed costs a health note rather than a lost poll.
/// </summary>
/// <param name="dates">Dates the feed writes loosely (no RFC shape) are read by the same parser as pages, on the host's clock.</param>
public sealed class FeedReader(PublishTimeParser dates)
{
    public FeedReadResult Read(byte[] bytes, string? contentType, Uri feedUrl)
    {
        var notes = new List<string>();
        var decoded = HtmlDecoder.Decode(bytes, contentType);
        if (decoded.Evidence.Contains("ignored", StringComparison.Ordinal))
        {
            notes.Add($"encoding: the declaration does not match the bytes; decoded as {decoded.Encoding.WebName} ({decoded.Evidence})");
        }

        if (JsonFeedReader.LooksLikeJson(decoded.Text))
        {
            return JsonFeedReader.Read(decoded.Text, feedUrl, notes, this);
        }

        XDocument document;
        try
        {
            document = XDocument.Load(XmlReader.Create(new StringReader(decoded.Text), Settings));
        }
        catch (XmlException e)
        {
            notes.Add($"not well-formed XML: {e.Message}");
            return new FeedReadResult([], notes, null, null);
        }

        var format = document.Root?.Name.LocalName switch
        {
            "rss" or "RDF" => "rss",
            "feed" => "atom",
            _ => null,
        };
        if (format is null)
        {
            notes.Add($"not an RSS, Atom or JSON feed (root element <{document.Root?.Name.LocalName}>)");
            return new FeedReadResult([], notes, null, null);
        }

        var strict = TryStrict(decoded.Text, feedUrl, notes);
        var result = strict ?? Lenient(document, format, feedUrl, notes);
        var undated = result.Items.Count(item => item.Published is null);
        if (undated > 0)
        {
            notes.Add($"{undated} of {result.Items.Count} items have no readable date");
        }

        return result with { Format = format };
    }

    private static XmlReaderSettings Settings => new()
    {
        // Feeds come from the internet: no DTDs, no external entities.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
    };

    private FeedReadResult? TryStrict(string text, Uri feedUrl, List<string> notes)
    {
        var badDates = 0;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            var formatter = new Rss20FeedFormatter();
            var atom = new Atom10FeedFormatter();
            TryParseDateTimeCallback lenientDate = (XmlDateTimeData data, out DateTimeOffset value) =>
            {
                if (ParseDate(data.DateTimeString) is { } parsed)
                {
                    value = parsed;
                    return true;
                }

                // Unreadable: the item keeps no date rather than the whole feed failing.
                badDates++;
                value = default;
                return true;
            };
            formatter.DateTimeParser = lenientDate;
            atom.DateTimeParser = lenientDate;
            SyndicationFeedFormatter chosen = formatter.CanRead(reader) ? formatter : atom.CanRead(reader) ? atom : null!;
            if (chosen is null)
            {
                return null;
            }

            chosen.ReadFrom(reader);
            var feed = chosen.Feed;
            var items = new List<FeedItem>();
            var noLink = 0;
            foreach (var item in feed.Items)
            {
                // Relative links (some bridges write "/123.html") resolve against the feed's own URL.
                var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate") is { } alternate
                    ? alternate.GetAbsoluteUri() ?? alternate.Uri
                    : Uri.TryCreate(item.Id, UriKind.Absolute, out var id) && id.Scheme.StartsWith("http", StringComparison.Ordinal) ? id : null;
                if (link is null || !TryAbsolute(feedUrl, link.OriginalString, out var absolute))
                {
                    noLink++;
                    continue;
                }

                var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
                items.Add(new FeedItem(absolute, item.Title?.Text?.Trim() ?? "", published));
            }

            if (badDates > 0)
            {
                notes.Add($"{badDates} dates in a format we could not read");
            }

            if (noLink > 0)
            {
                notes.Add($"{noLink} items without a link were skipped");
            }

            return new FeedReadResult(items, notes, null, feed.Title?.Text?.Trim());
        }
        catch (Exception e) when (e is XmlException or FormatException or ArgumentException or InvalidOperationException)
        {
            notes.Add($"System.ServiceModel.Syndication rejected the feed ({e.Message}); read leniently");
            return null;
        }
    }

    private FeedReadResult Lenient(XDocument document, string format, Uri feedUrl, List<string> notes)
    {
        var root = document.Root!;
        var entries = root.Descendants().Where(e => e.Name.LocalName is "item" or "entry");
        var items = new List<FeedItem>();
        var noLink = 0;
        foreach (var entry in entries)
        {
            var href = Child(entry, "link") is { } link
                ? (string?)link.Attribute("href") ?? link.Value
                : Child(entry, "guid")?.Value;
            if (!TryAbsolute(feedUrl, href, out var absolute))
            {
                noLink++;
                continue;
            }

            var dateText = Child(entry, "pubDate")?.Value ?? Child(entry, "published")?.Value
                           ?? Child(entry, "date")?.Value ?? Child(entry, "updated")?.Value;
            items.Add(new FeedItem(absolute, Child(entry, "title")?.Value.Trim() ?? "", dateText is null ? null : ParseDate(dateText)));
        }

        if (noLink > 0)
        {
            notes.Add($"{noLink} items without a link were skipped");
        }

        var channel = format == "rss" ? Child(root, "channel") ?? root : root;
        return new FeedReadResult(items, notes, format, Child(channel, "title")?.Value.Trim());
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static bool TryAbsolute(Uri feedUrl, string? href, out Uri absolute)
    {
        absolute = null!;
        return !string.IsNullOrWhiteSpace(href) && Uri.TryCreate(feedUrl, href.Trim(), out absolute!) && absolute.Scheme is "http" or "https";
    }

    /// <summary>RFC 822 and ISO 8601 first, then the Chinese-aware parser for "2025年3月1日 08:00"-style dates.</summary>
    internal DateTimeOffset? ParseDate(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        // Only a date that names its zone is taken as is: a zone-less one ("2021年8月30日 10:00", which .NET also reads)
        // would land in the machine's zone, so it goes to the Chinese-aware parser, which reads it as Beijing time.
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            && DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var local)
            && local.Kind != DateTimeKind.Unspecified)
        {
            return parsed;
        }

        // RFC 822 with a named zone (GMT/CST...) or a weekday .NET does not like: drop the weekday, map the zone.
        var withoutWeekday = trimmed.Contains(',') ? trimmed[(trimmed.IndexOf(',') + 1)..].Trim() : trimmed;
        foreach (var (zone, offset) in Zones)
        {
            if (withoutWeekday.EndsWith(" " + zone, StringComparison.OrdinalIgnoreCase))
            {
                withoutWeekday = withoutWeekday[..^zone.Length] + offset;
                break;
            }
        }

        if (DateTimeOffset.TryParseExact(withoutWeekday, RfcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed))
        {
            return parsed;
        }

        return dates.Parse(trimmed, fetchedAt: null)?.Value;
    }

    private static readonly (string Zone, string Offset)[] Zones =
    [
        ("GMT", "+00:00"), ("UT", "+00:00"), ("UTC", "+00:00"), ("Z", "+00:00"),
        ("CST", "+08:00"), // In Chinese feeds CST is China Standard Time, not US Central.
        ("EST", "-05:00"), ("EDT", "-04:00"), ("PST", "-08:00"), ("PDT", "-07:00"),
    ];

    private static readonly string[] RfcFormats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz",
        "d MMM yy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss", "d MMM yyyy",
    ];
}
