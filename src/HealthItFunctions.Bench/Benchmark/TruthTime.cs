using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthItFunctions.Cli.Benchmark;

public enum TruthPrecision
{
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// <summary>
/// A truth publish time at the precision the truth states. Corpus conventions: "2024-04-24 00:00:00" means date-only;
/// "…Z" is UTC and is compared in Beijing time; "1996-3" is month precision; zone-less times are Beijing time.
/// </summary>
internal readonly partial record struct TruthTime(DateTimeOffset Value, TruthPrecision Precision)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static TruthTime? Parse(string? text)
    {
        var match = text is null ? Match.Empty : Format().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        int Part(string name, int fallback) => match.Groups[name].Success ? int.Parse(match.Groups[name].ValueSpan, CultureInfo.InvariantCulture) : fallback;
        var (year, month, day) = (Part("y", 1), Part("mo", 1), Part("d", 1));
        var (hour, minute, second) = (Part("h", 0), Part("mi", 0), Part("s", 0));
        var precision = !match.Groups["mo"].Success ? TruthPrecision.Year
            : !match.Groups["d"].Success ? TruthPrecision.Month
            : !match.Groups["h"].Success || (hour, minute, second) == (0, 0, 0) ? TruthPrecision.Day
            : match.Groups["s"].Success ? TruthPrecision.Second
            : TruthPrecision.Minute;
        var zone = match.Groups["z"].Value switch
        {
            "" => Beijing,
            "Z" => TimeSpan.Zero,
            var z => TimeSpan.ParseExact(z.Replace(":", "", StringComparison.Ordinal)[1..], "hhmm", CultureInfo.InvariantCulture) * (z[0] == '-' ? -1 : 1),
        };
        var value = new DateTimeOffset(year, month, day, hour, minute, second, zone).ToOffset(Beijing);
        return new TruthTime(value, precision);
    }

    /// <summary>Equal at the truth's precision; a prediction coarser than the truth is wrong unless the truth is date-only or coarser.</summary>
    public bool Matches(DateTimeOffset predicted)
    {
        var p = predicted.ToOffset(Beijing);
        var t = Value;
        return Precision switch
        {
            TruthPrecision.Year => p.Year == t.Year,
            TruthPrecision.Month => p.Year == t.Year && p.Month == t.Month,
            TruthPrecision.Day => p.Date == t.Date,
            TruthPrecision.Minute => p.Date == t.Date && p.Hour == t.Hour && p.Minute == t.Minute,
            _ => p.Date == t.Date && p.Hour == t.Hour && p.Minute == t.Minute && p.Second == t.Second,
        };
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.](?<mo>\d{1,2})(?:[-/.](?<d>\d{1,2})(?:[ T](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?)?)?)?(?<z>Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
