using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>Publish times that only scripts carry: a date literal handed to a time-ish function or key.</summary>
internal sealed partial class ScriptDates(PublishTimeParser parser)
{
    /// <summary>
    /// Some pages write the time with script (udn: <c>showDate("2020/04/17 01:43:09")</c>; others
    /// <c>publishTime: "…"</c>), so it never reaches the text. A date literal passed to a time-ish function or key is
    /// weak evidence, so it ranks below every visible date, and it counts only when the scripts agree on one day:
    /// state blobs of aggregators and SPAs hold a publishDate per listed item, and none of them is this page's.
    /// </summary>
    public PublishTime? Find(PageContext page, int? yearHint)
    {
        PublishTime? found = null;
        foreach (var script in page.Index.Scripts)
        {
            foreach (Match match in ScriptDateLiteral().Matches(script))
            {
                var before = Math.Max(0, match.Index - ExtractionTuning.Default.DateScriptKeyWindow);
                var key = ScriptKey().Match(script, before, match.Index - before);
                if (!key.Success
                    || !IsPublishKey(key.Groups["key"].ValueSpan)
                    || DatePicker.Plausible(page, parser.ParseOnPage(match.Groups["value"].Value, page, yearHint)) is not { } time)
                {
                    continue;
                }

                if (found is { } first && first.Value.Date != time.Value.Date)
                {
                    return null;
                }

                found ??= time;
            }
        }

        return found;
    }

    /// <summary>showDate, pubDate, publish_time, createTime, ctime...; not update/modify/expire/server/now keys.</summary>
    private static bool IsPublishKey(ReadOnlySpan<char> key) =>
        (key.Contains("date", StringComparison.OrdinalIgnoreCase)
            || key.Contains("time", StringComparison.OrdinalIgnoreCase)
            || key.Contains("pub", StringComparison.OrdinalIgnoreCase)
            || key.Contains("creat", StringComparison.OrdinalIgnoreCase))
        && !key.Contains("updat", StringComparison.OrdinalIgnoreCase)
        && !key.Contains("modif", StringComparison.OrdinalIgnoreCase)
        && !key.Contains("expir", StringComparison.OrdinalIgnoreCase)
        && !key.Contains("server", StringComparison.OrdinalIgnoreCase)
        && !key.Contains("now", StringComparison.OrdinalIgnoreCase)
        && !key.Contains("current", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A quoted literal that starts with a four-digit year. Starting at the quote (not at the key) lets the engine
    /// skip through large scripts by searching for quote characters; the key is checked only at the few hits.
    /// </summary>
    [GeneratedRegex("""["'](?<value>(?:19|20)[0-9]{2}[-/.年][0-9][^"'\r\n]{2,40})["']""", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptDateLiteral();

    /// <summary>The key the literal is handed to: <c>key(</c>, <c>key:</c>, <c>key =</c>, <c>"key":</c>, right before it.</summary>
    [GeneratedRegex("""(?<key>[A-Za-z_$][A-Za-z0-9_$]{0,40})["']?\s{0,3}[(:=]\s{0,3}$""", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptKey();
}
