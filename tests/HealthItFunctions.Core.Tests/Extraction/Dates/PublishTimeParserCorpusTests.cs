using HealthItFunctions.Testing;
using System.Globalization;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Tests.Text;

namespace HealthItFunctions.Core.Tests.Extraction.Dates;

/// <summary>The parser must read every publish-time format the dev corpus's truth and display strings use.</summary>
public partial class PublishTimeParserCorpusTests
{
    // Late enough that no truth date is "in the future"; relative displays (昨天/前天) are skipped.
    private static readonly DateTimeOffset Fetched = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    // The corpus path is the argument, so a skip names it in the default `dotnet test` output.
    public static TheoryData<string> Corpus => new(DevCorpus.Directory);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Parse_CorpusTruthAndDisplayStrings_MatchTruthAtItsPrecision(string corpus)
    {
        var dir = ZhNewsDevCorpus.RequireDirectory(corpus);
        var parser = new PublishTimeParser(PublishTimeParser.China, TimeProvider.System);
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var (id, truth) in ZhNewsDevCorpus.Truths(dir))
        {
            var truthTime = truth.TryGetProperty("publish_time", out var pt) && pt.ValueKind == System.Text.Json.JsonValueKind.String ? pt.GetString()! : null;
            if (truthTime is null || !TruthRegex().IsMatch(truthTime))
            {
                continue;
            }

            var expected = Expected(truthTime);
            var inputs = new List<string> { truthTime };
            if (truth.TryGetProperty("publish_time_display", out var display) && display.GetString() is { } shown && !shown.Contains('天'))
            {
                inputs.Add(shown);
            }

            foreach (var input in inputs)
            {
                checkedCount++;
                var parsed = parser.Parse(input, Fetched);
                var got = parsed is null ? "null" : Format(parsed.Value.Value, expected.Length);
                if (got != expected)
                {
                    failures.Add($"{id}: \"{input}\" → {got}, truth {expected}");
                }
            }
        }

        Assert.True(checkedCount > 0, "no parseable truth publish times found");
        Assert.True(failures.Count == 0, $"{failures.Count}/{checkedCount} failed:\n" + string.Join('\n', failures));
    }

    /// <summary>The truth in Beijing time, cut to its precision ("yyyy-MM-dd", "yyyy-MM-dd HH:mm" or with seconds).</summary>
    private static string Expected(string truth)
    {
        if (truth.Contains('T', StringComparison.Ordinal))
        {
            var instant = DateTimeOffset.Parse(truth, CultureInfo.InvariantCulture);
            return instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }

        var m = TruthRegex().Match(truth);
        var date = $"{m.Groups["y"].Value}-{int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture):00}-{int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture):00}";
        return m.Groups["t"].Success ? $"{date} {m.Groups["t"].Value}" : date;
    }

    private static string Format(DateTimeOffset value, int length) =>
        value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)[..length];

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[ T](?<t>\d{2}:\d{2}(?::\d{2})?))?")]
    private static partial Regex TruthRegex();
}
