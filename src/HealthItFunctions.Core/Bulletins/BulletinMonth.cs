using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HealthItFunctions.Core.Bulletins;

/// <summary>A bulletin month (yyyy-MM). Bulletins, partitions and issue numbers all count Beijing months.</summary>
public readonly record struct BulletinMonth(int Year, int Month) : IComparable<BulletinMonth>
{
    private static readonly TimeZoneInfo Beijing = FindBeijing();

    public int Year { get; } = Year is >= 1 and <= 9999
        ? Year
        : throw new ArgumentOutOfRangeException(nameof(Year), Year, "A bulletin year lies between 1 and 9999.");

    public int Month { get; } = Month is >= 1 and <= 12
        ? Month
        : throw new ArgumentOutOfRangeException(nameof(Month), Month, "A month lies between 1 and 12.");

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public BulletinMonth Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public BulletinMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    /// <summary>Months from <paramref name="other"/> to this month (positive when this month is later).</summary>
    public int MonthsSince(BulletinMonth other) => (Year - other.Year) * 12 + (Month - other.Month);

    /// <summary>The Beijing (Asia/Shanghai) month an instant falls in: 2021-08-31T20:00Z is already September there.</summary>
    public static BulletinMonth BeijingMonthOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Beijing);
        return new BulletinMonth(local.Year, local.Month);
    }

    /// <summary>The Beijing calendar day of an instant, the date a bulletin prints.</summary>
    public static DateOnly BeijingDateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Beijing).DateTime);

    /// <summary>Midnight of a Beijing calendar day, as an instant: what an editor's date means.</summary>
    public static DateTimeOffset BeijingStartOf(DateOnly date) =>
        new(date.ToDateTime(TimeOnly.MinValue), Beijing.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));

    public static BulletinMonth Parse(string s) =>
        TryParse(s, out var month)
            ? month
            : throw new FormatException($"'{s}' is not a month; write it as yyyy-MM, e.g. 2021-08.");

    public static bool TryParse([NotNullWhen(true)] string? s, out BulletinMonth month)
    {
        month = default;
        if (s is null
            || !DateTime.TryParseExact(s.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        month = new BulletinMonth(parsed.Year, parsed.Month);
        return true;
    }

    public int CompareTo(BulletinMonth other) => MonthsSince(other).CompareTo(0);

    public static bool operator <(BulletinMonth left, BulletinMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(BulletinMonth left, BulletinMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(BulletinMonth left, BulletinMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(BulletinMonth left, BulletinMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    private static TimeZoneInfo FindBeijing()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Hosts without tzdata (slim containers): China has kept UTC+8 without DST since 1991, so a fixed zone is exact for any bulletin.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
