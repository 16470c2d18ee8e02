using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Dates;

/// <summary>
/// Finds publish times in Chinese news and government text: numeric and 年月日 dates with optional times,
/// full-width digits, year-less dates, two-digit years, relative phrases (昨天 10:30, 3小时前), unix timestamps in
/// scripts, ISO 8601 and RFC 1123. Values come back in the parser's zone (default Asia/Shanghai).
/// </summary>
/// <remarks>
/// Thread-safe and allocation-light: one source-generated regex scans the text once; only matches allocate.
/// Impossible dates (month 13, Feb 30, year before 1990 or after the fetch year + 1) are dropped, not clamped.
/// The fetch time is the only anchor for relative phrases (昨天, 3小时前) and year-less dates (3月18日): when it is
/// unknown (a saved page), those yield nothing rather than a guess against today's clock, which would be wrong by
/// however long the page lay on disk. The clock only bounds plausibility then (nothing is published in the future).
/// </remarks>
public sealed partial class PublishTimeParser(TimeZoneInfo? zone = null, TimeProvider? clock = null)
{
    private const int MinYear = 1990;

    // 1990-01-01T00:00Z .. 2100-01-01T00:00Z: anything outside is an id or a counter, not a publish time.
    private const long MinUnixSeconds = 631_152_000;
    private const long MaxUnixSeconds = 4_102_444_800;

    private static readonly Lazy<TimeZoneInfo> LazyChina = new(LoadChinaZone);

    // Group numbers resolved once: name lookups per match would cost a dictionary probe each.
    private static readonly int GroupY = DateRegex().GroupNumberFromName("y");
    private static readonly int GroupM = DateRegex().GroupNumberFromName("m");
    private static readonly int GroupD = DateRegex().GroupNumberFromName("d");
    private static readonly int GroupYy = DateRegex().GroupNumberFromName("yy");
    private static readonly int GroupMon = DateRegex().GroupNumberFromName("mon");
    private static readonly int GroupCy = DateRegex().GroupNumberFromName("cy");
    private static readonly int GroupCm = DateRegex().GroupNumberFromName("cm");
    private static readonly int GroupCd = DateRegex().GroupNumberFromName("cd");
    private static readonly int GroupRel = DateRegex().GroupNumberFromName("rel");
    private static readonly int GroupH = DateRegex().GroupNumberFromName("H");
    private static readonly int GroupMin = DateRegex().GroupNumberFromName("M");
    private static readonly int GroupS = DateRegex().GroupNumberFromName("S");
    private static readonly int GroupAp = DateRegex().GroupNumberFromName("ap");
    private static readonly int GroupAp2 = DateRegex().GroupNumberFromName("ap2");
    private static readonly int GroupTz = DateRegex().GroupNumberFromName("tz");
    private static readonly int GroupAgo = DateRegex().GroupNumberFromName("ago");
    private static readonly int GroupUnit = DateRegex().GroupNumberFromName("unit");
    private static readonly int GroupJust = DateRegex().GroupNumberFromName("just");
    private static readonly int GroupUnix = DateRegex().GroupNumberFromName("unix");
    private static readonly int GroupKey = DateRegex().GroupNumberFromName("key");

    private readonly TimeZoneInfo _zone = zone ?? China;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Asia/Shanghai, or a fixed +08:00 zone where the host has no tzdata.</summary>
    public static TimeZoneInfo China => LazyChina.Value;

    /// <summary>The zone values are expressed in.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>
    /// The best date-time in a short text (a byline, a meta value): the first one with an explicit year,
    /// else the first one of any kind (year-less, relative, timestamp). Null when there is none.
    /// </summary>
    /// <param name="fetchedAt">When the page was fetched; null when unknown, and then relative and year-less dates are skipped.</param>
    public PublishTime? Parse(string text, DateTimeOffset? fetchedAt, int? yearHint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        var anchor = AnchorFor(fetchedAt);
        PublishTime? fallback = null;
        for (var m = DateRegex().Match(normalized); m.Success; m = m.NextMatch())
        {
            if (TryBuild(m, anchor, yearHint, out var found))
            {
                if (found.Kind is DateKind.Absolute or DateKind.TwoDigitYear or DateKind.UnixTimestamp)
                {
                    return found.Time;
                }

                fallback ??= found.Time;
            }
        }

        return fallback;
    }

    /// <summary>Every date-time in <paramref name="text"/>, in order, with UTF-16 positions into <paramref name="text"/>.</summary>
    /// <param name="fetchedAt">When the page was fetched; null when unknown, and then relative and year-less dates are skipped.</param>
    public IReadOnlyList<DateMatch> FindAll(string text, DateTimeOffset? fetchedAt, int? yearHint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        var anchor = AnchorFor(fetchedAt);
        List<DateMatch>? results = null;
        for (var m = DateRegex().Match(normalized); m.Success; m = m.NextMatch())
        {
            if (TryBuild(m, anchor, yearHint, out var found))
            {
                (results ??= []).Add(found);
            }
        }

        return results ?? (IReadOnlyList<DateMatch>)[];
    }

    /// <summary>Unix seconds to a publish time in Asia/Shanghai; null outside 1990..2100.</summary>
    public static PublishTime? FromUnixSeconds(long seconds) => FromUnixSeconds(seconds, China);

    /// <summary>Unix seconds to a publish time in <paramref name="zone"/>; null outside 1990..2100.</summary>
    public static PublishTime? FromUnixSeconds(long seconds, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (seconds is < MinUnixSeconds or >= MaxUnixSeconds)
        {
            return null;
        }

        var instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new PublishTime(TimeZoneInfo.ConvertTime(instant, zone), TimePrecision.Second);
    }

    /// <summary>
    /// The date a URL path encodes (/2021-03/23/, /202103/t20210326_, /2020/0713/, /20210901/, /2020-07-09/,
    /// /19/0907/09/): evidence for picking among candidates, never the publish time itself.
    /// </summary>
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

        // No clock here: a URL date is only evidence, so an upper bound of plausibility is enough.
        const int maxYear = 2099;
        foreach (var m in UrlDateRegex().EnumerateMatches(path))
        {
            var s = path.Slice(m.Index, m.Length);
            int year, month, day;
            if (s[0] == '/')
            {
                // "/yy/MMdd/HH/" (NetEase): two-digit year, then month-day, then an hour folder.
                year = 2000 + Digits(s.Slice(1, 2));
                month = Digits(s.Slice(4, 2));
                day = Digits(s.Slice(6, 2));
            }
            else
            {
                year = Digits(s[..4]);
                var rest = s[4..].TrimStart("-/_");
                month = Digits(rest[..2]);
                day = Digits(rest[2..].TrimStart("-/_")[..2]);
            }

            if (IsValidDate(year, month, day, maxYear))
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    private static int Digits(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsValidDate(int year, int month, int day, int maxYear) =>
        year >= MinYear && year <= maxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private DateTimeOffset ToZone(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, _zone);

    private Anchor AnchorFor(DateTimeOffset? fetchedAt) =>
        fetchedAt is { } known ? new(ToZone(known), true) : new(ToZone(_clock.GetUtcNow()), false);

    /// <summary>
    /// The reference time for one parse: the fetch time when known; otherwise the clock, which then only bounds
    /// plausibility (<see cref="Known"/> false: nothing relative or year-less is resolved against it).
    /// </summary>
    private readonly record struct Anchor(DateTimeOffset Local, bool Known);

    /// <summary>Full-width digits and punctuation (０-９ － ． ／ ：) become ASCII, one char for one so positions hold.</summary>
    private static string Normalize(string text)
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

    private bool TryBuild(Match m, Anchor anchor, int? yearHint, out DateMatch result)
    {
        result = default;
        var g = m.Groups;
        var fetchLocal = anchor.Local;
        PublishTime? time;
        DateKind kind;

        if (g[GroupUnix].Success)
        {
            kind = DateKind.UnixTimestamp;
            time = IsTimeKey(g[GroupKey].ValueSpan) ? FromTimestamp(g[GroupUnix].ValueSpan, fetchLocal) : null;
        }
        else if (!anchor.Known && (g[GroupJust].Success || g[GroupAgo].Success || g[GroupRel].Success))
        {
            // 昨天 on a page of unknown age is no date at all.
            return false;
        }
        else if (g[GroupJust].Success)
        {
            kind = DateKind.Relative;
            time = new PublishTime(TruncateToMinute(fetchLocal), TimePrecision.Minute);
        }
        else if (g[GroupAgo].Success)
        {
            kind = DateKind.Relative;
            time = FromAgo(Digits(g[GroupAgo].ValueSpan), g[GroupUnit].ValueSpan, fetchLocal);
        }
        else if (g[GroupRel].Success)
        {
            kind = DateKind.Relative;
            time = FromRelativeDay(g[GroupRel].ValueSpan, g, fetchLocal);
        }
        else
        {
            time = FromCalendarDate(g, anchor, yearHint, out kind);
        }

        // Relative phrases and timestamps can land anywhere; the same window as for written dates applies.
        if (time is not { } t || t.Value.Year < MinYear || t.Value.Year > fetchLocal.Year + 1)
        {
            return false;
        }

        result = new DateMatch(t, m.Index, m.Length) { Kind = kind };
        return true;
    }

    private PublishTime? FromCalendarDate(GroupCollection g, Anchor anchor, int? yearHint, out DateKind kind)
    {
        var fetchLocal = anchor.Local;
        kind = DateKind.Absolute;
        int year, month, day;
        var maxYear = fetchLocal.Year + 1;

        if (g[GroupCy].Success)
        {
            year = ChineseYear(g[GroupCy].ValueSpan);
            month = ChineseNumber(g[GroupCm].ValueSpan);
            day = ChineseNumber(g[GroupCd].ValueSpan);
        }
        else
        {
            month = g[GroupMon].Success ? MonthFromName(g[GroupMon].ValueSpan) : Digits(g[GroupM].ValueSpan);
            day = Digits(g[GroupD].ValueSpan);
            if (g[GroupY].Success)
            {
                year = Digits(g[GroupY].ValueSpan);
            }
            else if (g[GroupYy].Success)
            {
                // "18-03-08" is YY-MM-DD only when the first part cannot be a month (> 12); lower values could be
                // US MM-DD-YY and are dropped. A two-digit year after the fetch year is nonsense too.
                kind = DateKind.TwoDigitYear;
                var yy = Digits(g[GroupYy].ValueSpan);
                year = 2000 + yy;
                if (yy <= 12 || year > fetchLocal.Year)
                {
                    return null;
                }
            }
            else if (yearHint is { } hint)
            {
                kind = DateKind.YearFromHint;
                year = hint;
            }
            else
            {
                // "3月18日" is "the last 3月18日 before the fetch"; with no fetch time there is no such year.
                kind = DateKind.YearInferred;
                if (!anchor.Known || !TryInferYear(month, day, fetchLocal, out year))
                {
                    return null;
                }
            }
        }

        if (!IsValidDate(year, month, day, maxYear))
        {
            return null;
        }

        if (!TryReadTime(g, out var hour, out var minute, out var second, out var precision))
        {
            return Local(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified), TimePrecision.Day);
        }

        var clock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (g[GroupTz].Success && TryParseOffset(g[GroupTz].ValueSpan.Trim(), out var offset))
        {
            return new PublishTime(ToZone(new DateTimeOffset(clock, offset)), precision);
        }

        return Local(clock, precision);
    }

    /// <summary>The latest year in which month/day exists and is not after the fetch date.</summary>
    private static bool TryInferYear(int month, int day, DateTimeOffset fetchLocal, out int year)
    {
        year = fetchLocal.Year;
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        var fetchDate = DateOnly.FromDateTime(fetchLocal.DateTime);
        // Feb 29 needs up to eight years back to find a leap year; everything else resolves in one or two steps.
        for (var i = 0; i < 9; i++, year--)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) <= fetchDate)
            {
                return true;
            }
        }

        return false;
    }

    private PublishTime? FromRelativeDay(ReadOnlySpan<char> word, GroupCollection g, DateTimeOffset fetchLocal)
    {
        var daysBack = word[0] switch
        {
            '今' => 0,
            '昨' => 1,
            _ => 2,
        };

        var hasTime = TryReadTime(g, out var hour, out var minute, out var second, out var precision);
        // 今日/昨日 without a clock time are prose ("今日头条", "昨日，国务院..."), not a displayed publish time.
        if (!hasTime && word[1] == '日')
        {
            return null;
        }

        var date = fetchLocal.Date.AddDays(-daysBack);
        return hasTime
            ? Local(date.AddHours(hour).AddMinutes(minute).AddSeconds(second), precision)
            : Local(date, TimePrecision.Day);
    }

    private PublishTime? FromAgo(int amount, ReadOnlySpan<char> unit, DateTimeOffset fetchLocal)
    {
        switch (unit[0])
        {
            case '秒':
                return new PublishTime(ToZone(fetchLocal.AddSeconds(-amount)), TimePrecision.Second);
            case '分':
                return new PublishTime(ToZone(TruncateToMinute(fetchLocal.AddMinutes(-amount))), TimePrecision.Minute);
            case '小' or '个' or '個':
                return new PublishTime(ToZone(TruncateToMinute(fetchLocal.AddHours(-amount))), TimePrecision.Minute);
            case '天':
                return Local(fetchLocal.Date.AddDays(-amount), TimePrecision.Day);
            default:
                // 周 / 週 / 星期
                return Local(fetchLocal.Date.AddDays(-7 * amount), TimePrecision.Day);
        }
    }

    private PublishTime? FromTimestamp(ReadOnlySpan<char> digits, DateTimeOffset fetchLocal)
    {
        var value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var seconds = digits.Length == 13 ? value / 1000 : value;
        var time = FromUnixSeconds(seconds, _zone);
        return time is { } t && t.Value.Year <= fetchLocal.Year + 1 ? t : null;
    }

    /// <summary>Script keys that plausibly hold a publish time (ct, ts, pubtime, publish_time, createTime, date...).</summary>
    private static bool IsTimeKey(ReadOnlySpan<char> key)
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

    private static bool TryReadTime(GroupCollection g, out int hour, out int minute, out int second, out TimePrecision precision)
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

    private static bool TryParseOffset(ReadOnlySpan<char> tz, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (tz.StartsWith("GMT", StringComparison.Ordinal) || tz.StartsWith("UTC", StringComparison.Ordinal))
        {
            tz = tz[3..];
        }
        else if (tz.StartsWith("UT", StringComparison.Ordinal))
        {
            tz = tz[2..];
        }

        switch (tz)
        {
            case "" or "Z":
                return true;
            // On Chinese sites and feeds CST means China Standard Time, not US Central.
            case "CST":
                offset = TimeSpan.FromHours(8);
                return true;
            case "EST" or "CDT":
                offset = TimeSpan.FromHours(-5);
                return true;
            case "EDT":
                offset = TimeSpan.FromHours(-4);
                return true;
            case "MST" or "PDT":
                offset = TimeSpan.FromHours(-7);
                return true;
            case "MDT":
                offset = TimeSpan.FromHours(-6);
                return true;
            case "PST":
                offset = TimeSpan.FromHours(-8);
                return true;
        }

        if (tz.Length is not (5 or 6) || tz[0] is not ('+' or '-'))
        {
            return false;
        }

        var hours = Digits(tz.Slice(1, 2));
        var minutes = Digits(tz[^2..]);
        offset = new TimeSpan(hours, minutes, 0);
        if (tz[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static int MonthFromName(ReadOnlySpan<char> name) => name switch
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

    /// <summary>二〇二一 → 2021 (digit by digit).</summary>
    private static int ChineseYear(ReadOnlySpan<char> s)
    {
        var year = 0;
        foreach (var c in s)
        {
            year = (year * 10) + ChineseDigit(c);
        }

        return year;
    }

    /// <summary>一 … 三十一 → 1 … 31.</summary>
    private static int ChineseNumber(ReadOnlySpan<char> s)
    {
        var ten = s.IndexOf('十');
        if (ten < 0)
        {
            return s.Length == 1 ? ChineseDigit(s[0]) : 0;
        }

        var tens = ten == 0 ? 1 : ChineseDigit(s[0]);
        var ones = ten == s.Length - 1 ? 0 : ChineseDigit(s[ten + 1]);
        return (ten > 1 || s.Length - ten > 2) ? 0 : (tens * 10) + ones;
    }

    private static int ChineseDigit(char c) => c switch
    {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0,
    };

    private PublishTime Local(DateTime clock, TimePrecision precision) =>
        new(new DateTimeOffset(clock, _zone.GetUtcOffset(clock)), precision);

    private static DateTimeOffset TruncateToMinute(DateTimeOffset value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, value.Offset);

    private static TimeZoneInfo LoadChinaZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Slim containers ship without tzdata; China has had no DST since 1991, so a fixed offset is exact for news.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }

    // One pass over the text: calendar dates (with an optional clock time), relative phrases, script timestamps.
    // Alternatives are ordered so that at any position the most specific reading wins (a four-digit year before a
    // two-digit one before a year-less month-day). [0-9] rather than \d: \d also matches other scripts' digits.
    [GeneratedRegex("""
        (?:
            (?:
                (?<![0-9])(?<y>[0-9]{4})(?<sep>[-/.])(?<m>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})(?![0-9])
              | (?<![0-9])(?<y>[0-9]{4})\s?年\s?(?<m>[0-9]{1,2})\s?月\s?(?<d>[0-9]{1,2})(?:\s?[日号]|(?![0-9]))
              | (?<cy>[〇○零Ｏ一二三四五六七八九]{4})\s?年\s?(?<cm>[一二三四五六七八九十]{1,2})\s?月\s?(?<cd>[一二三四五六七八九十]{1,3})\s?[日号]
              | (?<![0-9A-Za-z])(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+)?(?<d>[0-9]{1,2})[\s-]+(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[\s-]+(?<y>[0-9]{4})(?![0-9])
              | (?<![0-9./-])(?<m>[0-9]{1,2})/(?<d>[0-9]{1,2})/(?<y>[0-9]{4})(?![0-9])
              | (?<![0-9./-])(?<yy>[0-9]{2})(?<sep>[-/.])(?<m>[0-9]{2})\k<sep>(?<d>[0-9]{2})(?![0-9]|[-/.][0-9])
              | (?<![0-9])(?<m>[0-9]{1,2})\s?月\s?(?<d>[0-9]{1,2})\s?[日号]
              | (?<![0-9./-])(?<![0-9]:)(?<m>[0-9]{1,2})[-/](?<d>[0-9]{1,2})(?=\s{1,3}[0-9]{1,2}:[0-9]{2})
              | (?<rel>今天|昨天|前天(?!津)|今日|昨日)
            )
            (?:
                (?:\s{0,3}[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?
                (?:T|\s{0,4})
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
          | (?<![0-9])(?<ago>[0-9]{1,3})\s?(?<unit>秒钟|秒鐘|秒|分钟|分鐘|小时|小時|个小时|個小時|天|周|週|星期)前
          | (?<just>刚刚|剛剛|刚才|剛才)
          | (?<![0-9.])(?<=(?<key>[A-Za-z_$][A-Za-z0-9_$]{0,40})["']?\s{0,3}[=:]\s{0,3}["']?)(?<unix>[0-9]{10}(?:[0-9]{3})?)(?![0-9.])
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    // "/yy/MMdd/HH/" (NetEase) or a four-digit year followed by month and day, with optional -, / or _ between.
    [GeneratedRegex("""/[0-9]{2}/[01][0-9][0-3][0-9]/[0-2][0-9]/|(?<![0-9])(?:19|20)[0-9]{2}[-/_]?[01][0-9][-/_]?[0-3][0-9](?![0-9])""", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDateRegex();
}
