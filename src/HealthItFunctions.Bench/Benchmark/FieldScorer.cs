using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Cli.Benchmark;

/// <summary>A scored field of one page: 0..1 and, when below 1, why.</summary>
internal readonly record struct FieldScore(string Field, double Score, string? Why);

/// <summary>
/// How each truth type is scored. Text fields compare with whitespace removed. Titles also match when the truth is
/// ours plus a separator and a site suffix (Readability and fundus keep the &lt;title&gt; suffix; the bulletin must
/// not). Times compare at the truth's precision (<see cref="TruthTime"/>); a null or unparseable truth time
/// ("UNKNOWN" in CWCED) means the page has none and is right only when we give none. Bodies score shingle F1;
/// must-contain / must-not-contain snippets (trafilatura) score the share of snippets satisfied.
/// </summary>
internal static class FieldScorer
{
    private static readonly char[] TitleSeparators = ['_', '|', '｜', '-', '—', '–', '·', ':', '：'];

    /// <summary>The body's shingle overlap with the truth, when the truth has a body.</summary>
    public static ShingleScorer.Overlap? BodyOverlap(CorpusTruth truth, ExtractionResult result) =>
        truth.Has("content") && truth.Content is not null ? ShingleScorer.Score(result.Article?.Content ?? string.Empty, truth.Content) : null;

    /// <param name="body">The page's <see cref="BodyOverlap"/>, computed once by the caller, which also reports precision and recall.</param>
    public static IEnumerable<FieldScore> Score(CorpusTruth truth, ExtractionResult result, ShingleScorer.Overlap? body)
    {
        var article = result.Article;
        if (truth.Has("title"))
        {
            yield return ScoreTitle(truth.Title, article?.Title);
        }

        if (truth.Has("publish_time"))
        {
            yield return ScoreTime(truth.PublishTime, article?.PublishTime?.Value);
        }

        if (truth.Has("author"))
        {
            yield return ScoreText("author", truth.Author, article?.Author);
        }

        if (truth.Has("source"))
        {
            yield return ScoreText("source", truth.Source, article?.Publisher);
        }

        if (body is { } overlap)
        {
            yield return new FieldScore("body", overlap.F1, $"body P {overlap.Precision:0.00} R {overlap.Recall:0.00}");
        }

        if (truth.MustContain.Count + truth.MustNotContain.Count > 0)
        {
            var content = article?.Content ?? string.Empty;
            var satisfied = truth.MustContain.Count(s => content.Contains(s, StringComparison.Ordinal))
                + truth.MustNotContain.Count(s => !content.Contains(s, StringComparison.Ordinal));
            var total = truth.MustContain.Count + truth.MustNotContain.Count;
            yield return new FieldScore("snippets", (double)satisfied / total, $"snippets {satisfied}/{total}");
        }
    }

    internal static FieldScore ScoreTitle(string? truth, string? predicted)
    {
        var t = Squash(truth);
        var p = Squash(predicted);
        var ok = t == p || (p.Length > 0 && t.StartsWith(p, StringComparison.Ordinal) && TitleSeparators.Contains(t[p.Length]));
        return new FieldScore("title", ok ? 1 : 0, ok ? null : $"title '{predicted}' vs '{truth}'");
    }

    internal static FieldScore ScoreTime(string? truth, DateTimeOffset? predicted)
    {
        var expected = TruthTime.Parse(truth);
        var ok = expected is { } e ? predicted is { } p && e.Matches(p) : predicted is null;
        return new FieldScore("publish_time", ok ? 1 : 0, ok ? null : $"time {predicted:yyyy-MM-dd HH:mm:ss} vs {truth ?? "none"}");
    }

    private static FieldScore ScoreText(string field, string? truth, string? predicted)
    {
        var ok = Squash(truth) == Squash(predicted);
        return new FieldScore(field, ok ? 1 : 0, ok ? null : $"{field} '{predicted}' vs '{truth}'");
    }

    private static string Squash(string? value) => value is null ? string.Empty : string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
}
