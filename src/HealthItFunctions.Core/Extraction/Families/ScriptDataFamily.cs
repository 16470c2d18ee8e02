using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Layers;

namespace HealthItFunctions.Core.Extraction.Families;

/// <summary>
/// Pages that carry their article data in script rather than (only) in the markup, read as one family:
/// <list type="bullet">
/// <item>a JSON object assigned to <c>window.DATA</c> (qq news: DIYgod/RSSHub lib/routes/tencent/news/author.ts, 2024,
/// parses <c>window\.DATA = ({.+});</c>): its title, media name and publish time;</item>
/// <item>string variables (WeChat: DIYgod/RSSHub lib/utils/wechat-mp.ts, 2024-2025, reads <c>ct</c> as a quoted digit
/// string; pages also carry <c>var nickname = htmlDecode("…")</c> and <c>var publish_time = "YYYY-MM-DD" || ""</c>).</item>
/// </list>
/// Times come in any form the date parser knows, unix seconds included; the clock is kept where the script has it.
/// </summary>
internal sealed partial class ScriptDataFamily(PublishTimeParser parser) : IExtractionLayer
{
    // Keys, in order of trust: an explicit publish time before a creation time. Names only, no vocabulary.
    private static readonly string[] TimeKeys = ["pubtime", "pub_time", "publish_time", "publishTime", "ct", "create_time", "createTime", "timestamp"];
    private static readonly string[] MediaKeys = ["media", "media_name", "mediaName", "nickname", "source"];
    private static readonly string[] TitleKeys = ["title", "msg_title"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReadKeys =
        new HashSet<string>([.. TimeKeys, .. MediaKeys, .. TitleKeys], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        foreach (var script in page.Index.Scripts)
        {
            if (WindowData(script) is { } data)
            {
                Offer(page, draft, "script:window.DATA", key => data.TryGetValue(key, out var value) ? value : null);
                return;
            }
        }

        // Only the shape of such pages (a time variable beside an account or title variable, or WeChat's own container),
        // not any script's variables. Without WeChat's host or container, the account or title variable must be
        // named in some script; most pages name neither, and their scripts (often most of the page) are not scanned.
        var shapedByPage = page.HostMatches("mp.weixin.qq.com") || page.Document.GetElementById("js_content") is not null;
        if (!shapedByPage && !page.Index.Scripts.Any(s => s.Contains("nickname", StringComparison.Ordinal) || s.Contains("msg_title", StringComparison.Ordinal)))
        {
            return;
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = variables.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var script in page.Index.Scripts)
        {
            foreach (var match in Variable().EnumerateMatches(script))
            {
                // Only the keys read below are kept: a Match and strings per variable of every script were most of this step's cost.
                var name = VariableName(script.AsSpan(match.Index, match.Length));
                if (ReadKeys.Contains(name) && !names.ContainsKey(name))
                {
                    variables.Add(name.ToString(), Variable().Match(script, match.Index, match.Length).Groups["value"].Value);
                }
            }
        }

        var shaped = shapedByPage || variables.ContainsKey("nickname") || variables.ContainsKey("msg_title");
        if ((variables.ContainsKey("ct") || variables.ContainsKey("publish_time")) && shaped)
        {
            Offer(page, draft, "script:var", key => variables.GetValueOrDefault(key));
        }
    }

    private void Offer(PageContext page, ExtractionDraft draft, string rule, Func<string, string?> value)
    {
        if (First(TitleKeys, value) is { } title)
        {
            draft.OfferTitle(Decode(title.Value), $"{rule} {title.Key}");
        }

        // Every time key offers: a day-only publish_time is refined by the second-precise ct when they agree.
        foreach (var key in TimeKeys)
        {
            if (value(key) is { Length: > 0 } text && Time(text, page) is { } time)
            {
                draft.OfferPublishTime(time, $"{rule} {key}");
            }
        }

        if (First(MediaKeys, value) is { } media)
        {
            draft.OfferSource(Decode(media.Value), $"{rule} {media.Key}");
        }
    }

    private PublishTime? Time(string text, PageContext page) =>
        long.TryParse(text, out var number) && text.Length is 10 or 13
            ? PublishTimeParser.FromUnixSeconds(text.Length == 13 ? number / 1000 : number, parser.Zone)
            : parser.ParseOnPage(text, page);

    private static (string Key, string Value)? First(string[] keys, Func<string, string?> value)
    {
        foreach (var key in keys)
        {
            if (value(key) is { Length: > 0 } found && !string.IsNullOrWhiteSpace(found))
            {
                return (key, found);
            }
        }

        return null;
    }

    /// <summary>The name group of a <see cref="Variable"/> match: after an optional "var " prefix, the leading identifier.</summary>
    private static ReadOnlySpan<char> VariableName(ReadOnlySpan<char> match)
    {
        if (match.StartsWith("var") && match.Length > 3 && char.IsWhiteSpace(match[3]))
        {
            var rest = match[3..].TrimStart();
            if (rest.Length > 0 && (char.IsAsciiLetter(rest[0]) || rest[0] == '_'))
            {
                match = rest;
            }
        }

        var end = 0;
        while (end < match.Length && (char.IsAsciiLetterOrDigit(match[end]) || match[end] == '_'))
        {
            end++;
        }

        return match[..end];
    }

    /// <summary>Script strings escape as JavaScript and HTML both (\x26amp;, \u4e2d, &amp;quot;).</summary>
    private static string Decode(string value)
    {
        var text = value.Replace("\\x26", "&", StringComparison.Ordinal);
        try
        {
            text = Regex.Unescape(text);
        }
        catch (RegexParseException)
        {
            // An escape Regex does not know: keep the text as written.
        }

        return WebUtility.HtmlDecode(text);
    }

    /// <summary>The top-level scalar members of <c>window.DATA = {…}</c>, read as one JSON value (what follows it is not read).</summary>
    private static Dictionary<string, string>? WindowData(string script)
    {
        var at = WindowDataStart().Match(script);
        if (!at.Success)
        {
            return null;
        }

        try
        {
            var bytes = Encoding.UTF8.GetBytes(script[(at.Index + at.Length - 1)..]);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true });
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .GroupBy(p => p.Name)
                .ToDictionary(g => g.Key, g => g.First().Value.ValueKind == JsonValueKind.String ? g.First().Value.GetString()! : g.First().Value.GetRawText());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\bwindow\.DATA\s*=\s*\{", RegexOptions.CultureInvariant)]
    private static partial Regex WindowDataStart();

    // var x = "v"; var x = htmlDecode("v"); x: 'v' — one quoted value, no expressions. The name is atomic: a shorter
    // prefix of a word can never be followed by '=' or ':', so backtracking into it is only cost.
    [GeneratedRegex("""\b(?:var\s+)?(?<name>(?>[A-Za-z_][A-Za-z0-9_]{0,30}))\s*[=:]\s*(?:htmlDecode\()?(?<q>["'])(?<value>(?:(?!\k<q>)[^\\\r\n]|\\.){1,300})\k<q>""", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
