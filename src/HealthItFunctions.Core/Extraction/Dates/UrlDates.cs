using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Dates;

/// <summary>
/// The date a URL path encodes (/2021-03/23/, /202103/t20210326_, /2020/0713/, /20210901/, /2020-07-09/,
/// /19/0907/09/): evidence for picking among candidates, never the publish time itself.
/// </summary>
public static partial class UrlDates
{
    public static DateOnly? DateFromUrl(string url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        // The host can hold digits (e.g. "news2021.example.cn") that are not dates.
        var path = url.AsSpan();
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            path = path[(scheme + 3)..];
            var slash = path.IndexOf('/');
            path = slash < 0 ? [] : path[slash..];
        }

        foreach (var m in UrlDateRegex().EnumerateMatches(path))
        {
            var s = path.Slice(m.Index, m.Length);
            int year, month, day;
            if (s[0] == '/')
            {
                // "/yy/MMdd/HH/" (NetEase): two-digit year, then month-day, then an hour folder.
                year = 2000 + DateGrammar.Digits(s.Slice(1, 2));
                month = DateGrammar.Digits(s.Slice(4, 2));
                day = DateGrammar.Digits(s.Slice(6, 2));
            }
            else
            {
                year = DateGrammar.Digits(s[..4]);
                var rest = s[4..].TrimStart("-/_");
                month = DateGrammar.Digits(rest[..2]);
                day = DateGrammar.Digits(rest[2..].TrimStart("-/_")[..2]);
            }

            if (DateGrammar.IsValidDate(year, month, day, ExtractionTuning.Default.UrlDateMaxYear))
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    // "/yy/MMdd/HH/" (NetEase) or a four-digit year followed by month and day, with optional -, / or _ between.
    [GeneratedRegex("""/[0-9]{2}/[01][0-9][0-3][0-9]/[0-2][0-9]/|(?<![0-9])(?:19|20)[0-9]{2}[-/_]?[01][0-9][-/_]?[0-3][0-9](?![0-9])""", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDateRegex();
}
