namespace HealthItFunctions.Core.Extraction.Dates;

/// <summary>The zone Chinese pages mean, and the zone abbreviations they and their feeds print.</summary>
public static class ChinaTime
{
    private static readonly Lazy<TimeZoneInfo> LazyZone = new(Load);

    /// <summary>Asia/Shanghai, or a fixed +08:00 zone where the host has no tzdata.</summary>
    public static TimeZoneInfo Zone => LazyZone.Value;

    /// <summary>
    /// "Z", "+08:00", "+0800", "GMT+8:00"-style offsets and the abbreviations feeds use. On Chinese sites and feeds
    /// CST means China Standard Time, not US Central.
    /// </summary>
    internal static bool TryParseOffset(ReadOnlySpan<char> tz, out TimeSpan offset)
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

        var hours = DateGrammar.Digits(tz.Slice(1, 2));
        var minutes = DateGrammar.Digits(tz[^2..]);
        offset = new TimeSpan(hours, minutes, 0);
        if (tz[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static TimeZoneInfo Load()
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
}
