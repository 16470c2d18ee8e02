using System.Globalization;

namespace HealthItFunctions.Core.Relevance;

/// <summary>
/// Scores an article on the lexicon's axes and multiplies the axis factors: a story must touch every axis to score,
/// a title hit weighs <see cref="Lexicon.TitleMultiplier"/> times a body hit, and negative terms pull their axis down.
/// Repeated hits add with diminishing returns (1 + ln n), so one long article that says 数据 forty times does not
/// outweigh a short one whose title says 互联网医院.
/// </summary>
public sealed class RelevanceScorer
{
    private readonly Lexicon _lexicon;
    private readonly (LexiconAxis Axis, AxisMatcher Matcher)[] _axes;

    public RelevanceScorer(Lexicon lexicon)
    {
        _lexicon = lexicon;
        _axes = lexicon.Axes.Select(a => (a, new AxisMatcher(a))).ToArray();
    }

    public RelevanceAssessment Score(string? title, string? body)
    {
        var normalizedTitle = RelevanceText.Normalize(title);
        var normalizedBody = RelevanceText.Normalize(body);
        var terms = new List<TermMatch>();
        var axes = new List<AxisScore>();
        var score = 1.0;
        foreach (var (axis, matcher) in _axes)
        {
            var axisTerms = Matches(axis.Name, matcher, normalizedTitle, MatchLocation.Title, _lexicon.TitleMultiplier)
                .Concat(Matches(axis.Name, matcher, normalizedBody, MatchLocation.Body, 1))
                .ToList();
            var positive = axisTerms.Where(t => !t.IsNegative).Sum(t => t.Weight);
            var negative = Math.Abs(axisTerms.Where(t => t.IsNegative).Sum(t => t.Weight));
            var nationwide = axis.NationwideAbove is { } limit
                && axisTerms.Where(t => t.IsNegative).Select(t => t.Term).Distinct().Count() > limit;
            if (nationwide)
            {
                negative = 0;
            }
            var factor = Factor(axis, positive - negative);
            axes.Add(new AxisScore(axis.Name, positive, negative, factor, factor >= axis.IncludeMinimum && positive > negative) { Nationwide = nationwide });
            terms.AddRange(axisTerms);
            score *= factor;
        }

        score = Math.Round(score, 4);
        var (band, reason) = Band(score, axes);
        return new RelevanceAssessment(score, band, terms) { Axes = axes, Reason = reason };
    }

    /// <summary>
    /// Neutral without evidence; positive evidence climbs linearly to 1 at saturation; negative evidence falls to 0 at
    /// minus saturation. For Beijing scope the neutral is above 0: a national story without a place is still worth a look.
    /// </summary>
    internal static double Factor(LexiconAxis axis, double net) => net >= 0
        ? axis.Neutral + (1 - axis.Neutral) * Math.Min(1, net / axis.Saturation)
        : axis.Neutral * Math.Max(0, 1 + net / axis.Saturation);

    private (RelevanceBand Band, string Reason) Band(double score, List<AxisScore> axes)
    {
        var bands = _lexicon.Bands;
        var weak = axes.Where(a => !a.MeetsIncludeMinimum).Select(a => a.Axis).ToList();
        if (score >= bands.Include && weak.Count == 0)
        {
            return (RelevanceBand.Include, Invariant($"score ≥ {bands.Include} and every axis has its evidence."));
        }

        if (score >= bands.Review)
        {
            return (RelevanceBand.Review, score >= bands.Include
                ? $"score is high but {string.Join(", ", weak)} lacks evidence, so an editor decides."
                : Invariant($"score is between review {bands.Review} and include {bands.Include}."));
        }

        var missing = axes.Where(a => a.Factor == 0).Select(a => a.Axis).ToList();
        return (RelevanceBand.Exclude, missing.Count > 0
            ? $"nothing on {string.Join(", ", missing)}."
            : Invariant($"score < review {bands.Review}."));
    }

    private static IEnumerable<TermMatch> Matches(string axis, AxisMatcher matcher, string text, MatchLocation where, double multiplier) =>
        matcher.Count(text)
            .OrderBy(m => m.Key.Text, StringComparer.Ordinal)
            .Select(m =>
            {
                var weight = m.Key.Weight * (1 + Math.Log(m.Value)) * multiplier;
                return new TermMatch(axis, m.Key.Text, where, m.Value, Math.Round(m.Key.Kind == AxisMatcher.Kind.Negative ? -weight : weight, 3));
            });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
