using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Urls;

namespace HealthItFunctions.Core.Polling;

/// <summary>
/// A json list (gov.cn's list JSON, sina's roll API, qq's web feed): the items array and, per item, title, URL (or a
/// URL template filled from the item) and date by JSON Pointer. Problems come back as notes, never exceptions, so a changed endpoint costs a health note and not a poll.
/// </summary>
public sealed partial class JsonListReader(PublishTimeParser timeParser)
{
    // Seconds and milliseconds since 1970 overlap no real calendar text: 10 digits are seconds (2001..2286), 13 are ms.
    private const long MillisecondsThreshold = 100_000_000_000;

    public (IReadOnlyList<DiscoveredLink> Links, IReadOnlyList<string> Notes) Read(byte[] body, Uri endpoint, ListRules rules, DateTimeOffset fetchedAt)
    {
        var notes = new List<string>();
        JsonDocument document;
        try
        {
            // One JSON value, wherever the JSONP wrapper puts it; what follows it ("});}catch(e){}") is not read.
            var reader = new Utf8JsonReader(body.AsSpan(JsonStart(body)), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            notes.Add($"not JSON: {e.Message}");
            return ([], notes);
        }

        using (document)
        {
            var pointer = rules.Items ?? "";
            if (JsonPointer.Evaluate(document.RootElement, pointer) is not { ValueKind: JsonValueKind.Array } items)
            {
                notes.Add($"items pointer '{pointer}' names no array (endpoint changed? fix list.items)");
                return ([], notes);
            }

            var fields = rules.Fields ?? new JsonListFields();
            var pattern = rules.UrlPattern is { Length: > 0 } p ? new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;
            var links = new List<DiscoveredLink>();
            var seen = new HashSet<Uri>();
            var noUrl = 0;
            foreach (var item in items.EnumerateArray())
            {
                var href = fields.UrlTemplate is { } template ? JsonUrlTemplate.Expand(template, item) : Text(item, fields.Url);
                if (href is null || UrlCanonicalizer.Resolve(endpoint, href) is not { } url)
                {
                    noUrl++;
                    continue;
                }

                if ((pattern is not null && !pattern.IsMatch(url.AbsoluteUri)) || !seen.Add(url))
                {
                    continue;
                }

                var date = fields.Date is { } datePointer ? JsonPointer.Evaluate(item, datePointer) is { } value ? DateOf(value, fetchedAt) : null : null;
                links.Add(new DiscoveredLink(url, Clean(fields.Title is { } t ? Text(item, t) : null), date));
            }

            if (noUrl > 0)
            {
                notes.Add($"{noUrl} of {items.GetArrayLength()} items have no URL at '{fields.UrlTemplate ?? fields.Url}'");
            }

            return (links, notes);
        }
    }

    /// <summary>Unix seconds or milliseconds (number or digit string), else any text form the date parser knows.</summary>
    internal DateTimeOffset? DateOf(JsonElement value, DateTimeOffset fetchedAt)
    {
        long? number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.Number when value.TryGetDouble(out var d) => (long)d,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        if (number is { } unix)
        {
            return PublishTimeParser.FromUnixSeconds(unix >= MillisecondsThreshold ? unix / 1000 : unix, timeParser.Zone)?.Value;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? timeParser.Parse(text, fetchedAt)?.Value
            : null;
    }

    private static string? Text(JsonElement item, string pointer) => JsonPointer.Evaluate(item, pointer) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    /// <summary>
    /// Where the JSON starts: at once for plain JSON, else (JSONP: "cb({...});" or "try{cb({...})}catch(e){}") after the
    /// first '(' that opens an object or array.
    /// </summary>
    private static int JsonStart(byte[] body)
    {
        var bom = body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var offset = body.AsSpan(bom).IndexOfAnyExcept(" \t\r\n"u8);
        if (offset < 0)
        {
            return bom;
        }

        var first = bom + offset;
        if (body[first] is (byte)'{' or (byte)'[')
        {
            return first;
        }

        for (var i = first; i < body.Length; i++)
        {
            if (body[i] != (byte)'(')
            {
                continue;
            }

            var next = i + 1 + Math.Max(0, body.AsSpan(i + 1).IndexOfAnyExcept(" \t\r\n"u8));
            if (next < body.Length && body[next] is (byte)'{' or (byte)'[')
            {
                return next;
            }
        }

        return first;
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
