using System.CommandLine;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Core.Dedup;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit-bench dedupe [--seed N] [--per-kind N]</c>: near-duplicate recall and precision per shingle size and
/// Hamming threshold on a synthetic, seeded set of reprints and different same-topic stories; prints the chosen pair.
/// </summary>
internal sealed class BenchmarkDedupeCommand(IAnsiConsole console) : ICliCommand
{
    internal const int DefaultSeed = 20210831;
    internal const int DefaultPerKind = 400;
    // 5,000 stories are 12.5 million pairs: enough that no false merge bounds the rate near 2.4e-7 (95%), not 1.5e-6.
    internal const int DefaultStories = 5000;

    /// <summary>Stories of the month each benchmark pair is judged against (its boilerplate).</summary>
    internal const int BackgroundStories = 2000;
    private static readonly int[] ShingleSizes = [2, 3, 4, 5, 6, 7, 8];

    public Command Build()
    {
        var seed = new Option<int>("--seed") { Description = "Random seed of the synthetic pair set (same seed, same pairs).", DefaultValueFactory = _ => DefaultSeed };
        var perKind = new Option<int>("--per-kind") { Description = "Pairs per reprint kind (5 kinds); as many different-story pairs are added.", DefaultValueFactory = _ => DefaultPerKind };
        var minPrecision = new Option<double>("--min-precision") { Description = "Precision the chosen threshold must reach.", DefaultValueFactory = _ => 0.99 };
        var stories = new Option<int>("--stories") { Description = "Distinct stories compared all pairwise for the month-scale false-merge rate (0 skips).", DefaultValueFactory = _ => DefaultStories };
        var command = new Command("dedupe", "Measure near-duplicate recall and precision on synthetic reprints (SimHash alone, then SimHash + MinHash sketch) and month-scale false merges.")
        {
            seed, perKind, minPrecision, stories,
        };
        command.SetAction(result => Run(result.GetValue(seed), result.GetValue(perKind), result.GetValue(minPrecision), result.GetValue(stories)));
        return command;
    }

    internal int Run(int seed, int perKind, double minimumPrecision, int stories = 0)
    {
        if (perKind < 1 || minimumPrecision is <= 0 or > 1 || stories < 0)
        {
            console.MarkupLine("[red]error:[/] --per-kind must be at least 1, --stories at least 0 and --min-precision in (0, 1]].");
            return 1;
        }

        var pairs = new ReprintPairs(seed).Generate(perKind);
        var report = DedupeBenchmark.Run(pairs, ShingleSizes, minimumPrecision);
        console.MarkupLineInterpolated($"{report.Pairs} pairs ({pairs.Count(p => p.IsReprint)} reprints, {pairs.Count(p => !p.IsReprint)} different stories), seed {seed}");

        var bySize = new Table().AddColumns("shingle n", "best threshold", "recall", "precision");
        foreach (var n in ShingleSizes)
        {
            var best = report.Scores.Where(s => s.ShingleSize == n && s.Precision >= minimumPrecision).OrderByDescending(s => s.Recall).ThenBy(s => s.Threshold).FirstOrDefault();
            bySize.AddRow(n.ToString(), best?.Threshold.ToString() ?? "none", best?.Recall.ToString("0.000") ?? "", best?.Precision.ToString("0.000") ?? "");
        }

        console.WriteLine($"best threshold per shingle size at precision ≥ {minimumPrecision}:");
        console.Write(bySize);

        var chosen = report.Chosen;
        var thresholds = new Table().AddColumns("threshold", "recall", "precision", "false positives");
        foreach (var score in report.Scores.Where(s => s.ShingleSize == chosen.ShingleSize))
        {
            var mark = score.Threshold == chosen.Threshold ? " ←" : "";
            thresholds.AddRow(score.Threshold + mark, score.Recall.ToString("0.000"), score.Precision.ToString("0.000"), score.FalsePositives.ToString());
        }

        console.WriteLine($"n = {chosen.ShingleSize}, per threshold:");
        console.Write(thresholds);

        var kinds = new Table().AddColumns("pair kind", "reprint", "pairs", "min", "mean", "p95", "max");
        foreach (var kind in report.ChosenDistances)
        {
            kinds.AddRow(kind.Kind.ToString(), kind.IsReprint ? "yes" : "no", kind.Distances.Count.ToString(), kind.Min.ToString(), kind.Mean.ToString("0.0"), kind.Percentile(0.95).ToString(), kind.Max.ToString());
        }

        console.WriteLine($"Hamming distances at n = {chosen.ShingleSize}:");
        console.Write(kinds);
        console.MarkupLineInterpolated($"chosen: shingle n = {chosen.ShingleSize}, threshold = {chosen.Threshold}: recall {chosen.Recall:0.000}, precision {chosen.Precision:0.000} (product defaults: n = {SimHash.DefaultShingleSize}, threshold = {NearDuplicateDetector.DefaultThreshold})");
        if (chosen.Precision < minimumPrecision)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] no threshold reaches precision {minimumPrecision}; the most precise one is shown.");
        }

        WriteTwoStage(pairs, seed, stories);
        return 0;
    }

    /// <summary>
    /// The product rule with excerpt containment, per containment threshold: overall, excerpts, and excerpts of another
    /// story; judged against a month's boilerplate as ingest judges them, and without it (the rule before).
    /// </summary>
    private void WriteContainment(IReadOnlyList<ArticlePair> pairs, MonthBoilerplate month)
    {
        foreach (var (label, boilerplate) in new[] { ("with the month's boilerplate discounted", month), ("without the month's boilerplate (raw sketch rule)", null) })
        {
            var table = new Table().AddColumns("min containment", "recall", "precision", "false positives", "excerpts merged", "other's lead merged");
            foreach (var (c, score, share) in TwoStageBenchmark.Containment(pairs, boilerplate))
            {
                var mark = Math.Abs(c - NearDuplicateDetector.DefaultMinContainment) < 1e-9 ? " ←" : "";
                table.AddRow(c.ToString("0.00") + mark, score.Recall.ToString("0.000"), score.Precision.ToString("0.0000"), score.FalsePositives.ToString(),
                    share[PairKind.Excerpt].ToString("0.000"), share[PairKind.SameTopicLead].ToString("0.000"));
            }

            console.WriteLine($"product rule with excerpt containment, {label}:");
            console.Write(table);
        }
    }

    /// <summary>All pairs of a month's distinct stories, as ingest meets them; the rate with its 95% upper bound.</summary>
    private void WriteMonth(string label, IReadOnlyList<(string Title, string Body)> stories)
    {
        var month = TwoStageBenchmark.Month(stories, new NearDuplicateDetector());
        console.WriteLine($"month scale, {label}: {month.Stories} distinct stories, {month.Pairs} pairs: {month.FalseMerges} false merges " +
            $"({month.FalseMergeRate:0.0e0} per pair, 95% upper bound {month.FalseMergeRateUpper95:0.0e0}) with the product rule; " +
            $"{month.RawFalseMerges} ({month.RawFalseMergeRate:0.0e0}) without the month's boilerplate discounted; " +
            $"{month.LegacyFalseMerges} ({month.LegacyFalseMergeRate:0.0e0}) with 64-bit distance ≤ {NearDuplicateDetector.DefaultThreshold}; " +
            $"sketches compared for {month.SketchComparedRate:P1} of pairs (no body reads)");
    }

    /// <summary>The product rule: 128-bit distance ≤ maybe band, then MinHash similarity ≥ threshold.</summary>
    private void WriteTwoStage(IReadOnlyList<ArticlePair> pairs, int seed, int stories)
    {
        var table = new Table().AddColumns("sketch slots", "min similarity", "recall", "precision", "false positives");
        foreach (var score in TwoStageBenchmark.Score(pairs))
        {
            var mark = score.Slots == MinHashSketch.DefaultSlots && Math.Abs(score.MinSimilarity - NearDuplicateDetector.DefaultMinSimilarity) < 1e-9 ? " ←" : "";
            table.AddRow(score.Slots.ToString(), score.MinSimilarity.ToString("0.00") + mark, score.Recall.ToString("0.000"), score.Precision.ToString("0.0000"), score.FalsePositives.ToString());
        }

        console.WriteLine($"two-stage (128-bit distance ≤ {NearDuplicateDetector.DefaultMaybeDistance}, then sketch similarity), n = {SimHash.DefaultShingleSize}:");
        console.Write(table);
        // Pairs are judged against a month of other stories on the same topics (a seed of its own), as ingest judges them.
        var background = TwoStageBenchmark.Boilerplate(new ReprintPairs(seed + 3).DistinctStories(BackgroundStories), new NearDuplicateDetector());
        WriteContainment([.. pairs, .. new ReprintPairs(seed + 2).Excerpts(pairs.Count(p => p.IsReprint) / 5)], background);
        if (stories < 2)
        {
            return;
        }

        WriteMonth("whole stories", new ReprintPairs(seed + 1).DistinctStories(stories));
        WriteMonth("every fifth a lead third", new ReprintPairs(seed + 4).DistinctStoriesWithLeads(stories));
    }
}
