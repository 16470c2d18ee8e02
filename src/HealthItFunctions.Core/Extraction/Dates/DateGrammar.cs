using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Dates;

/// <summary>
/// The written shapes of a date-time, as one source-generated regex that scans a text once, and the readers of its
/// groups (clock time, half-day words, month names, script keys). Values and anchors are <see cref="PublishTimeParser"/>'s.
/// </summary>
internal static partial class DateGrammar
{
    // Group numbers resolved once: name lookups per match would cost a dictionary probe each.
    public static readonly int GroupY = DateRegex().GroupNumberFromName("y");
    public static readonly int GroupM = DateRegex().GroupNumberFromName("m");
    public static readonly int GroupD = DateRegex().GroupNumberFromName("d");
    public static readonly int GroupYy = DateRegex().GroupNumberFromName("yy");
    public static readonly int GroupMon = DateRegex().GroupNumberFromName("mon");
    public static readonly int GroupCy = DateRegex().GroupNumberFromName("cy");
    public static readonly int GroupCm = DateRegex().GroupNumberFromName("cm");
    public static readonly int GroupCd = DateRegex().GroupNumberFromName("cd");
    public static readonly int GroupRel = DateRegex().GroupNumberFromName("rel");
    public static readonly int GroupH = DateRegex().GroupNumberFromName("H");
    public static readonly int GroupMin = DateRegex().GroupNumberFromName("M");
    public static readonly int GroupS = DateRegex().GroupNumberFromName("S");
    public static readonly int GroupAp = DateRegex().GroupNumberFromName("ap");
    public static readonly int GroupAp2 = DateRegex().GroupNumberFromName("ap2");
    public static readonly int GroupTz = DateRegex().GroupNumberFromName("tz");
    public static readonly int GroupAgo = DateRegex().GroupNumberFromName("ago");
    public static readonly int GroupUnit = DateRegex().GroupNumberFromName("unit");
    public static readonly int GroupJust = DateRegex().GroupNumberFromName("just");
    public static readonly int GroupUnix = DateRegex().GroupNumberFromName("unix");
    public static readonly int GroupKey = DateRegex().GroupNumberFromName("key");

    /// <summary>A numeric date with the year last ("05/07/2005"): month-first only with English context.</summary>
    public static readonly int GroupUs = DateRegex().GroupNumberFromName("us");

    /// <summary>A numeric year-month ("2015-06"): a month only where a label vouches for it.</summary>
    public static readonly int GroupNy = DateRegex().GroupNumberFromName("ny");

    public static readonly int GroupNm = DateRegex().GroupNumberFromName("nm");

    public static readonly int GroupYo = DateRegex().GroupNumberFromName("yo");

    public static readonly int GroupMy = DateRegex().GroupNumberFromName("my");
    public static readonly int GroupMm = DateRegex().GroupNumberFromName("mm");

    public static int Digits(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    public static bool IsValidDate(int year, int month, int day, int maxYear) =>
        year >= ExtractionTuning.Default.DateMinYear && year <= maxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Full-width digits and punctuation (０-９ － ． ／ ：) become ASCII, one char for one so positions hold.</summary>
    public static string Normalize(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uFF0D', '\uFF1A');
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (dest, state) =>
        {
            state.text.AsSpan().CopyTo(dest);
            for (var i = state.first; i < dest.Length; i++)
            {
                if (dest[i] is >= '\uFF0D' and <= '\uFF1A')
                {
                    dest[i] = (char)(dest[i] - 0xFEE0);
                }
            }
        });
    }

    /// <summary>Script keys that plausibly hold a publish time (ct, ts, pubtime, publish_time, createTime, date...).</summary>
    public static bool IsTimeKey(ReadOnlySpan<char> key)
    {
        // The lookbehind captures up to 41 identifier chars ending at the '='; only the tail matters.
        return key.Equals("ct", StringComparison.OrdinalIgnoreCase)
            || key.EndsWith("_ct", StringComparison.OrdinalIgnoreCase)
            || key.Equals("ts", StringComparison.OrdinalIgnoreCase)
            || key.Contains("time", StringComparison.OrdinalIgnoreCase)
            || key.Contains("date", StringComparison.OrdinalIgnoreCase)
            || key.Contains("pub", StringComparison.OrdinalIgnoreCase)
            || key.Contains("creat", StringComparison.OrdinalIgnoreCase)
            || key.Contains("stamp", StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryReadTime(GroupCollection g, out int hour, out int minute, out int second, out TimePrecision precision)
    {
        hour = minute = second = 0;
        precision = TimePrecision.Day;
        if (!g[GroupH].Success || !g[GroupMin].Success)
        {
            return false;
        }

        hour = Digits(g[GroupH].ValueSpan);
        minute = Digits(g[GroupMin].ValueSpan);
        var hasSeconds = g[GroupS].Success;
        second = hasSeconds ? Digits(g[GroupS].ValueSpan) : 0;

        if (g[GroupAp].Success)
        {
            hour = ApplyChineseHalfDay(g[GroupAp].ValueSpan, hour);
        }
        else if (g[GroupAp2].Success && hour is >= 1 and <= 12)
        {
            var pm = g[GroupAp2].ValueSpan[0] is 'P' or 'p';
            hour = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
        }

        // An impossible clock time ("25:70") keeps the date but not the time.
        if (hour > 23 || minute > 59 || second > 59)
        {
            hour = minute = second = 0;
            return false;
        }

        precision = hasSeconds ? TimePrecision.Second : TimePrecision.Minute;
        return true;
    }

    private static int ApplyChineseHalfDay(ReadOnlySpan<char> word, int hour) => word[0] switch
    {
        // 下午 / 晚上 / 傍晚 / 夜间: afternoon and evening; "下午15:00" is already 24-hour.
        '下' or '晚' or '傍' or '夜' => hour < 12 ? hour + 12 : hour,
        // 中午 1:00 is 13:00, 中午 12:00 stays.
        '中' => hour < 11 ? hour + 12 : hour,
        // 上午 / 凌晨 / 早上 / 早晨: "凌晨12:30" is 00:30.
        _ => hour == 12 ? 0 : hour,
    };

    public static int MonthFromName(ReadOnlySpan<char> name) => name switch
    {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        _ => 12,
    };

    // One pass over the text: calendar dates (with an optional clock time), relative phrases, script timestamps.
    // gov.cn's firstpublishedtime joins date and clock with a hyphen (2023-05-06-10:30:00); a full hh:mm:ss must follow.
    // Alternatives are ordered so that at any position the most specific reading wins (a four-digit year before a
    // two-digit one before a year-less month-day). [0-9] rather than \d: \d also matches other scripts' digits.
    [GeneratedRegex("""
        (?:
            (?:
                (?<![0-9])(?<y>[0-9]{4})(?<sep>[-/.])(?<m>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})(?![0-9])
              | (?<![0-9])(?<y>[0-9]{4})\s?年\s?(?<m>[0-9]{1,2})\s?月\s?(?<d>[0-9]{1,2})(?:\s?[日号]|(?![0-9]))
              | (?<cy>[〇○零Ｏ一二三四五六七八九]{4})\s?年\s?(?<cm>[一二三四五六七八九十]{1,2})\s?月\s?(?<cd>[一二三四五六七八九十]{1,3})\s?[日号]
              | (?<![0-9A-Za-z])(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+)?(?<d>[0-9]{1,2})[\s-]+(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[\s-]+(?<y>[0-9]{4})(?![0-9])
              | (?<![0-9A-Za-z])(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+)?(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<y>[0-9]{4})(?![0-9])
              | (?<![0-9./-])(?<us>(?<m>[0-9]{1,2})/(?<d>[0-9]{1,2}))/(?<y>[0-9]{4})(?![0-9])
              | (?<![0-9./-])(?<yy>[0-9]{2})(?<sep>[-/.])(?<m>[0-9]{2})\k<sep>(?<d>[0-9]{2})(?![0-9]|[-/.][0-9])
              | (?<![0-9])(?<m>[0-9]{1,2})\s?月\s?(?<d>[0-9]{1,2})\s?[日号]
              | (?<![0-9./-])(?<![0-9]:)(?<m>[0-9]{1,2})[-/](?<d>[0-9]{1,2})(?=\s{1,3}[0-9]{1,2}:[0-9]{2})
              | (?<rel>今天|昨天|前天(?!津)|今日|昨日)
            )
            (?:
                (?:\s{0,3}[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?
                (?:T|\s{0,4}|-(?=[0-9]{2}:[0-9]{2}:[0-9]{2}))
                (?<ap>上午|下午|中午|晚上|凌晨|早上|早晨|傍晚|夜间|夜里|夜間)?\s{0,2}
                (?<H>[0-9]{1,2})
                (?:
                    :(?<M>[0-9]{2})(?::(?<S>[0-9]{2})(?:[.,][0-9]{1,9})?)?
                  | \s?[时時点點]\s?(?<M>[0-9]{1,2})\s?分(?:\s?(?<S>[0-9]{1,2})\s?秒)?
                )
                (?![0-9])
                (?:\s?(?<ap2>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?
                (?<tz>Z(?![A-Za-z])|\s?(?:GMT|UTC)?[+-](?:0[0-9]|1[0-4]):?[0-5][0-9](?![0-9])|\s(?:GMT|UTC|UT|CST|[ECMP][SD]T)(?![A-Za-z]))?
            )?
          | (?<![0-9])(?<my>[0-9]{4})\s?年\s?(?<mm>[0-9]{1,2})\s?月(?:号|刊)?(?!\s?[0-9])
          | (?<![0-9./-])(?<ny>[0-9]{4})[-/](?<nm>[0-9]{1,2})(?![0-9]|[-/.:][0-9])
          | (?<![0-9./-])(?<yo>(?:19|20)[0-9]{2})(?:\s?年(?!\s?[0-9])|(?=\s*$))
          | (?<![0-9])(?<ago>[0-9]{1,3})\s?(?<unit>秒钟|秒鐘|秒|分钟|分鐘|小时|小時|个小时|個小時|天|周|週|星期)前
          | (?<just>刚刚|剛剛|刚才|剛才)
          | (?<![0-9.])(?<=(?<key>[A-Za-z_$][A-Za-z0-9_$]{0,40})["']?\s{0,3}[=:]\s{0,3}["']?)(?<unix>[0-9]{10}(?:[0-9]{3})?)(?![0-9.])
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    public static partial Regex DateRegex();
}
