using System.Text.Json;

namespace HealthItFunctions.Core.Feeds;

/// <summary>
/// JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/): items[] with url (else external_url, else an http id),
/// title, date_published (else date_modified). WeChat bridges serve it beside RSS and Atom (wechat2rss, WeRSS, RSSHub's
/// ?format=json).
/// </summary>
internal static class JsonFeedReader
{
    public static bool LooksLikeJson(string text) => text.AsSpan().TrimStart().StartsWith("{");

    public static FeedReadResult Read(string text, Uri feedUrl, List<string> notes, FeedReader dates)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            notes.Add($"not well-formed JSON: {e.Message}");
            return new FeedReadResult([], notes, null, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                notes.Add("not a JSON Feed (no items array)");
                return new FeedReadResult([], notes, null, null);
            }

            var result = new List<FeedItem>();
            int noLink = 0, undated = 0;
            foreach (var item in items.EnumerateArray())
            {
                // An id names the item; it is a link only when it is an absolute URL (the spec allows any string).
                var id = String(item, "id") is { } named && Uri.TryCreate(named, UriKind.Absolute, out _) ? named : null;
                var href = String(item, "url") ?? String(item, "external_url") ?? id;
                if (href is null || !Uri.TryCreate(feedUrl, href.Trim(), out var link) || link.Scheme is not ("http" or "https"))
                {
                    noLink++;
                    continue;
                }

                var dateText = String(item, "date_published") ?? String(item, "date_modified");
                var published = dateText is null ? null : dates.ParseDate(dateText);
                undated += published is null ? 1 : 0;
                result.Add(new FeedItem(link, String(item, "title")?.Trim() ?? "", published));
            }

            if (noLink > 0)
            {
                notes.Add($"{noLink} items without a link were skipped");
            }

            if (undated > 0)
            {
                notes.Add($"{undated} of {result.Count} items have no readable date");
            }

            return new FeedReadResult(result, notes, "json", String(root, "title")?.Trim());
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
