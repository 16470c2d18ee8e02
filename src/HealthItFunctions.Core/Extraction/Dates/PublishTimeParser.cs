using System.Globalization;
using System.Text.RegularExpressions;
using static HealthItFunctions.Core.Extraction.Dates.DateGrammar;

namespace HealthItFunctions.Core.Extraction.Dates;

/// <summary>
/// Finds publish times in Chinese news and government text: numeric and 年月日 dates with optional times,
/// full-width digits, year-less dates, two-digit years, relative phrases (昨天 10:30, 3小时前), unix timestamps in
/// scripts, ISO 8601, RFC 1123, and month-only dates ("2001年6月号"). Values come back in the parser's zone
/// (Asia/Shanghai in production). The shapes are <see cref="DateGrammar"/>'s; this class resolves them against a zone and an anchor.
/// </summary>
/// <remarks>
/// Thread-safe and allocation-light: one source-generated regex scans the text once; only matches allocate.
/// Impossible dates (month 13, Feb 30, year before 1990 or after the fetch year + 1) are dropped, not clamped.
/// The fetch time is the only anchor for relative phrases (昨天, 3小时前) and year-less dates (3月18日): when it is
/// unknown (a saved page), those yield nothing rather than a guess against today's clock, which would be wrong by
/// however long the page lay on disk. The clock only bounds plausibility then (nothing is published in the future).
/// Built by DI only (zone and clock are required), so every caller shares the host's clock.
/// </remarks>
public sealed class PublishTimeParser(TimeZoneInfo zone, TimeProvider clock)
{
    // 1990-01-01T00:00Z .. 2100-01-01T00:00Z: anything outside is an id or a counter, not a publish time.
    private const long MinUnixSeconds = 631_152_000;
    private const long MaxUnixSeconds = 4_102_444_800;

    private readonly TimeZoneInfo _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Asia/Shanghai, or a fixed +08:00 zone where the host has no tzdata.</summary>
    public static TimeZoneInfo China => ChinaTime.Zone;

    /// <summary>The zone values are expressed in.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>
    /// The best date-time in a short text (a byline, a meta value): the first one with an explicit year, else the
    /// first one of any kind (year-less, relative, timestamp), else a month-only date. Null when there is none.
    /// </summary>
    /// <param name="fetchedAt">When the page was fetched; null when unknown, and then relative and year-less dates are skipped.</param>
    public PublishTime? Parse(string text, DateTimeOffset? fetchedAt, int? yearHint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        var anchor = AnchorFor(fetchedAt);
        PublishTime? fallback = null;
        PublishTime? monthOnly = null;
        PublishTime? yearOnly = null;
        for (var m = DateRegex().Match(normalized); m.Success; m = m.NextMatch())
        {
            if (TryBuild(m, anchor, yearHint, out var found))
            {
                if (found.Kind is DateKind.Absolute or DateKind.TwoDigitYear or DateKind.UnixTimestamp)
                {
                    return found.Time;
                }

                if (found.Kind is DateKind.MonthOnly or DateKind.NumericMonthOnly)
                {
                    monthOnly ??= found.Time;
                }
                else if (found.Kind is DateKind.YearOnly)
                {
                    yearOnly ??= found.Time;
                }
                else
                {
                    fallback ??= found.Time;
                }
            }
        }

        return fallback ?? monthOnly ?? yearOnly;
    }

    /// <summary>A text on a page: the page's fetch time is the anchor, so callers never pass the clock by hand.</summary>
    internal PublishTime? ParseOnPage(string text, PageContext page, int? yearHint = null) => Parse(text, page.FetchedAt, yearHint);

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

    /// <summary>Every date-time in a text of <paramref name="page"/>, anchored at its fetch time.</summary>
    internal IReadOnlyList<DateMatch> FindAllOnPage(string text, PageContext page, int? yearHint = null) => FindAll(text, page.FetchedAt, yearHint);

    /// <summary>Local midnight of a date in the parser's zone, at day precision (a URL date, a calendar day).</summary>
    public PublishTime AtMidnight(DateOnly day) => Local(day.ToDateTime(TimeOnly.MinValue), TimePrecision.Day);

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

    /// <summary>The date a URL path encodes; see <see cref="UrlDates.DateFromUrl"/>.</summary>
    public static DateOnly? DateFromUrl(string url) => UrlDates.DateFromUrl(url);

    private DateTimeOffset ToZone(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, _zone);

    private Anchor AnchorFor(DateTimeOffset? fetchedAt) =>
        fetchedAt is { } known ? new(ToZone(known), true) : new(ToZone(_clock.GetUtcNow()), false);

    /// <summary>
    /// The reference time for one parse: the fetch time when known; otherwise the clock, which then only bounds
    /// plausibility (<see cref="Known"/> false: nothing relative or year-less is resolved against it).
    /// </summary>
    private readonly record struct Anchor(DateTimeOffset Local, bool Known);

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
        else if (g[GroupYo].Success)
        {
            kind = DateKind.YearOnly;
            time = Local(new DateTime(Digits(g[GroupYo].ValueSpan), 1, 1, 0, 0, 0, DateTimeKind.Unspecified), TimePrecision.Year);
        }
        else if (g[GroupMy].Success || g[GroupNy].Success)
        {
            var numeric = g[GroupNy].Success;
            kind = numeric ? DateKind.NumericMonthOnly : DateKind.MonthOnly;
            var (year, month) = numeric ? (Digits(g[GroupNy].ValueSpan), Digits(g[GroupNm].ValueSpan)) : (Digits(g[GroupMy].ValueSpan), Digits(g[GroupMm].ValueSpan));
            time = month is >= 1 and <= 12 && year >= ExtractionTuning.Default.DateMinYear && year <= 9999
                ? Local(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified), TimePrecision.Month)
                : null;
        }
        else
        {
            time = FromCalendarDate(g, anchor, yearHint, out kind);
        }

        // Relative phrases and timestamps can land anywhere; the same window as for written dates applies.
        if (time is not { } t || t.Value.Year < ExtractionTuning.Default.DateMinYear || t.Value.Year > fetchLocal.Year + 1)
        {
            return false;
        }

        result = new DateMatch(t, m.Index, m.Length) { Kind = kind };
        return true;
    }

    /// <summary>
    /// "05/07/2005": Chinese pages write year-month-day, so a year-last date is month-first only in English context
    /// (an AM/PM clock beside it). Without it, the order is known only when one part cannot be a month ("25/07/2005",
    /// "07/25/2005"); an ambiguous one is no date at all rather than a guess.
    /// </summary>
    private static bool TryOrderYearLast(ref int month, ref int day, bool englishContext)
    {
        if (month > 12 && day <= 12)
        {
            (month, day) = (day, month);
            return true;
        }

        return month == day || day > 12 || englishContext;
    }

    private PublishTime? FromCalendarDate(GroupCollection g, Anchor anchor, int? yearHint, out DateKind kind)
    {
        var fetchLocal = anchor.Local;
        kind = DateKind.Absolute;
        int year, month, day;
        var maxYear = fetchLocal.Year + 1;

        if (g[GroupCy].Success)
        {
            year = ChineseNumerals.Year(g[GroupCy].ValueSpan);
            month = ChineseNumerals.Number(g[GroupCm].ValueSpan);
            day = ChineseNumerals.Number(g[GroupCd].ValueSpan);
        }
        else
        {
            month = g[GroupMon].Success ? MonthFromName(g[GroupMon].ValueSpan) : Digits(g[GroupM].ValueSpan);
            day = Digits(g[GroupD].ValueSpan);
            if (g[GroupUs].Success && !TryOrderYearLast(ref month, ref day, g[GroupAp2].Success))
            {
                return null;
            }

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
        if (g[GroupTz].Success && ChinaTime.TryParseOffset(g[GroupTz].ValueSpan.Trim(), out var offset))
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

    private PublishTime Local(DateTime clock, TimePrecision precision) =>
        new(new DateTimeOffset(clock, _zone.GetUtcOffset(clock)), precision);

    private static DateTimeOffset TruncateToMinute(DateTimeOffset value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, value.Offset);
}
