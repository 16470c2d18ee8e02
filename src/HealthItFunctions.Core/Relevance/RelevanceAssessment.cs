using System.Globalization;
using System.Text;

namespace HealthItFunctions.Core.Relevance;

public enum RelevanceBand
{
    Include,
    Review,
    Exclude,
}

public enum MatchLocation
{
    Title,
    Body,
}

/// <summary>
/// One lexicon term found in an article: where, how often, and what it contributed to its axis
/// (<see cref="Weight"/> is negative for a term that counts against).
/// </summary>
public sealed record TermMatch(string Axis, string Term, MatchLocation Where, int Count, double Weight)
{
    public bool IsNegative => Weight < 0;
}

/// <summary>One axis's evidence: positive and negative sums, and the factor in [0, 1] they give.</summary>
public sealed record AxisScore(string Axis, double Positive, double Negative, double Factor, bool MeetsIncludeMinimum)
{
    /// <summary>The axis's negatives were set aside because so many distinct ones matched that the story spans the country.</summary>
    public bool Nationwide { get; init; }
}

/// <summary>A relevance decision an editor can check: the score, the band, every term behind it and why.</summary>
public sealed record RelevanceAssessment(double Score, RelevanceBand Band, IReadOnlyList<TermMatch> Terms)
{
    public IReadOnlyList<AxisScore> Axes { get; init; } = [];

    /// <summary>Why the band was chosen, in one sentence an editor can act on.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>A few lines: the band and its reason, then each axis with its factor and its strongest terms.</summary>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Band} (score {Score:0.000}): {Reason}");
        foreach (var axis in Axes)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  {axis.Axis} {axis.Factor:0.00} (+{axis.Positive:0.0} −{axis.Negative:0.0}{(axis.Nationwide ? ", nationwide: negatives set aside" : "")})");
            var terms = Terms.Where(t => t.Axis == axis.Axis).OrderByDescending(t => Math.Abs(t.Weight)).ToList();
            if (terms.Count == 0)
            {
                text.Append(": no terms");
                continue;
            }

            text.Append(": ");
            text.AppendJoin(", ", terms.Select(t => string.Create(
                CultureInfo.InvariantCulture,
                $"{t.Term}×{t.Count} {(t.Where == MatchLocation.Title ? "title" : "body")} {t.Weight:+0.0;−0.0}")));
        }

        return text.ToString();
    }
}
