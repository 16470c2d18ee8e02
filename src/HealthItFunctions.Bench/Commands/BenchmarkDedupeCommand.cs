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
    internal const int DefaultStories = 2000;
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

    /// <summary>The product rule with excerpt containment, per containment threshold: overall and per pair kind.</summary>
    private void WriteContainment(IReadOnlyList<ArticlePair> pairs)
    {
        var rows = TwoStageBenchmark.Containment(pairs);
        var kinds = rows[0].MergedShare.Keys.Order().ToList();
        var table = new Table().AddColumns(["min containment", "recall", "precision", "false positives", .. kinds.Select(k => k + " merged")]);
        foreach (var (c, score, share) in rows)
        {
            var mark = Math.Abs(c - NearDuplicateDetector.DefaultMinContainment) < 1e-9 ? " ←" : "";
            table.AddRow([c.ToString("0.00") + mark, score.Recall.ToString("0.000"), score.Precision.ToString("0.0000"), score.FalsePositives.ToString(),
                .. kinds.Select(k => share[k].ToString("0.000"))]);
        }

        console.WriteLine($"product rule with excerpt containment (shorter text ≥ {NearDuplicateDetector.MinExcerptShingles} shingles, Jaccard ≥ {NearDuplicateDetector.MinExcerptSimilarity}):");
        console.Write(table);
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
        WriteContainment(pairs);
        if (stories < 2)
        {
            return;
        }

        var month = TwoStageBenchmark.Month(new ReprintPairs(seed + 1).DistinctStories(stories), new NearDuplicateDetector());
        console.WriteLine($"month scale: {month.Stories} distinct stories, {month.Pairs} pairs: {month.FalseMerges} false merges ({month.FalseMergeRate:0.0e0} per pair) with the product rule; " +
            $"{month.LegacyFalseMerges} ({month.LegacyFalseMergeRate:0.0e0}) with 64-bit distance ≤ {NearDuplicateDetector.DefaultThreshold}; sketches compared for {month.SketchComparedRate:P1} of pairs (no body reads)");
    }
}
