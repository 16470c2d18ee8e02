using System.Globalization;

namespace HealthItFunctions.Core.Extraction.Dates;

/// <summary>How much of a publish time the source actually stated; compare and print at this precision only.</summary>
public enum TimePrecision
{
    /// <summary>
    /// Year only ("发布日期：2015年", a yearbook's entry); <see cref="PublishTime.Value"/> is local midnight on 1 January.
    /// Numbered below <see cref="Month"/> so stored names and the order of the others stay as they were.
    /// </summary>
    Year = -1,

    /// <summary>
    /// Year and month only ("2001年6月号", a periodical's issue); <see cref="PublishTime.Value"/> is local midnight on the
    /// 1st. Coarsest first, so a larger value is always more precise.
    /// </summary>
    Month,

    /// <summary>Date only; <see cref="PublishTime.Value"/> is local midnight.</summary>
    Day,

    /// <summary>Hours and minutes (also relative times such as "3小时前", which are no finer than that).</summary>
    Minute,

    /// <summary>Hours, minutes and seconds.</summary>
    Second,
}

/// <summary>Where a date's year (or the whole value) came from, so the extractor can weigh candidates.</summary>
public enum DateKind
{
    /// <summary>Written out with a four-digit year (numeric, Chinese, ISO 8601, RFC 1123, Chinese numerals).</summary>
    Absolute,

    /// <summary>Two-digit year such as "18-03-08", accepted only when unambiguous.</summary>
    TwoDigitYear,

    /// <summary>"M月D日" / "MM-DD HH:mm" with the year taken from the caller's hint.</summary>
    YearFromHint,

    /// <summary>"M月D日" / "MM-DD HH:mm" with the year inferred: the latest such date not after the fetch.</summary>
    YearInferred,

    /// <summary>昨天 / 前天 / 今天 / N小时前 / 刚刚 ..., relative to the fetch time.</summary>
    Relative,

    /// <summary>"2009年11月", "2001年6月号": a year and a month, used only when the page states no full date.</summary>
    MonthOnly,

    /// <summary>A numeric year-month ("2015-06"): a month where a label vouches for it, a version or a range elsewhere.</summary>
    NumericMonthOnly,

    /// <summary>A year alone ("2015年"): the page states no month.</summary>
    YearOnly,

    /// <summary>Unix seconds or milliseconds assigned to a time-like key in a script (e.g. <c>var ct = "1595750400"</c>).</summary>
    UnixTimestamp,
}

/// <summary>A publish time in the parser's zone (default Asia/Shanghai, +08:00) with the precision the source gave.</summary>
/// <param name="Value">The instant, with the zone's offset; local midnight when <paramref name="Precision"/> is Day.</param>
/// <param name="Precision">What the source stated.</param>
public readonly record struct PublishTime(DateTimeOffset Value, TimePrecision Precision)
{
    /// <summary>ISO 8601 with offset at the stated precision: "2021-03", "2021-03-26", "2021-03-26T10:30+08:00", "2021-03-26T10:30:15+08:00".</summary>
    public string ToIsoString() => Precision switch
    {
        TimePrecision.Year => Value.ToString("yyyy", CultureInfo.InvariantCulture),
        TimePrecision.Month => Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TimePrecision.Day => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimePrecision.Minute => Value.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
    };

    /// <summary>Full ISO 8601 with seconds and offset regardless of precision (e.g. for JSON output).</summary>
    public string ToIsoStringFull() => Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="other"/> names the same moment at this value's (coarser or equal) precision.</summary>
    public bool AgreesAtOwnPrecision(PublishTime other)
    {
        var a = Value;
        var b = other.Value.ToOffset(a.Offset);
        return Precision switch
        {
            TimePrecision.Year => a.Year == b.Year,
            TimePrecision.Month => a.Year == b.Year && a.Month == b.Month,
            TimePrecision.Day => a.Date == b.Date,
            TimePrecision.Minute => a.Date == b.Date && a.Hour == b.Hour && a.Minute == b.Minute,
            _ => a == b,
        };
    }

    /// <summary>Unix seconds to a publish time in Asia/Shanghai; null outside 1990..2100 (ids and counters are not times).</summary>
    public static PublishTime? FromUnixSeconds(long seconds) => PublishTimeParser.FromUnixSeconds(seconds);
}

/// <summary>A date-time found in a text, with its position (UTF-16 offsets into the text passed in).</summary>
public readonly record struct DateMatch(PublishTime Time, int Index, int Length)
{
    /// <summary>Where the value came from (explicit year, inferred year, relative, script timestamp).</summary>
    public DateKind Kind { get; init; }
}
