using System.Diagnostics;
using System.Text.Json;
using HealthItFunctions.Cli.Pages;
using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Cli.Benchmark;

internal sealed record PageOutcome(string Id, ExtractionResult Result, IReadOnlyList<FieldScore> Scores)
{
    public double Overall => Scores.Count == 0 ? 1 : Scores.Average(s => s.Score);

    public string Reason => Result.IsArticle
        ? string.Join("; ", Scores.Where(s => s.Score < 1).Select(s => s.Field == "body" ? $"{s.Why} F1 {s.Score:0.00}" : s.Why))
        : $"not an article ({Result.Reason}): {Result.Detail}";
}

internal sealed record FieldSummary(string Field, int Pages, double Mean);

internal sealed record BenchmarkReport(
    IReadOnlyList<PageOutcome> Pages,
    IReadOnlyList<FieldSummary> Fields,
    double BodyPrecision,
    double BodyRecall,
    double PagesPerSecond)
{
    public IEnumerable<PageOutcome> Worst(int count) => Pages.Where(p => p.Scores.Count > 0).OrderBy(p => p.Overall).Take(count);
}

/// <summary>Runs the extractor over a corpus (index.jsonl, pages/, truth/) and scores it against the truth.</summary>
internal sealed class ExtractionBenchmark(IArticleExtractor extractor)
{
    private static readonly string[] FieldOrder = ["title", "publish_time", "body", "snippets", "author", "source"];
    private const int TimedPasses = 3;
    private readonly SavedPageExtractor _pages = new(extractor);

    /// <param name="progress">Called after each page of the scored pass.</param>
    public BenchmarkReport Run(DirectoryInfo corpus, Action? progress = null)
    {
        var entries = ReadIndex(corpus);

        var outcomes = new List<PageOutcome>(entries.Count);
        foreach (var (id, bytes, url, truth) in entries)
        {
            var result = _pages.Extract(bytes, url);
            outcomes.Add(new PageOutcome(id, result, FieldScorer.Score(truth, result).ToList()));
            progress?.Invoke();
        }

        // The scored pass doubles as warm-up (JIT, regex construction); speed is the best of a few further passes,
        // on this one thread, because other processes on the machine only ever slow a pass down.
        var best = TimeSpan.MaxValue;
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var (_, bytes, url, _) in entries)
            {
                _pages.Extract(bytes, url);
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            best = elapsed < best ? elapsed : best;
        }

        var scores = outcomes.SelectMany(o => o.Scores).ToList();
        var fields = FieldOrder
            .Select(f => scores.Where(s => s.Field == f).ToList())
            .Where(s => s.Count > 0)
            .Select(s => new FieldSummary(s[0].Field, s.Count, s.Average(x => x.Score)))
            .ToList();
        var bodies = outcomes
            .Where(o => o.Scores.Any(s => s.Field == "body"))
            .Select(o => (o.Result.Article?.Content ?? string.Empty, entries.First(e => e.Id == o.Id).Truth.Content!))
            .Select(pair => ShingleScorer.Score(pair.Item1, pair.Item2))
            .ToList();
        return new BenchmarkReport(
            outcomes,
            fields,
            bodies.Count == 0 ? 0 : bodies.Average(b => b.Precision),
            bodies.Count == 0 ? 0 : bodies.Average(b => b.Recall),
            entries.Count / Math.Max(best.TotalSeconds, 1e-9));
    }

    public static int CountPages(DirectoryInfo corpus) => File.ReadLines(IndexPath(corpus)).Count(l => !string.IsNullOrWhiteSpace(l));

    private static string IndexPath(DirectoryInfo corpus) => Path.Combine(corpus.FullName, PageSet.IndexFileName);

    private static List<(string Id, byte[] Bytes, Uri? Url, CorpusTruth Truth)> ReadIndex(DirectoryInfo corpus)
    {
        var entries = new List<(string, byte[], Uri?, CorpusTruth)>();
        foreach (var line in File.ReadLines(IndexPath(corpus)))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var id = document.RootElement.GetProperty("id").GetString()!;
            var truth = CorpusTruth.Load(Path.Combine(corpus.FullName, "truth", id + ".json"));
            var bytes = File.ReadAllBytes(Path.Combine(corpus.FullName, "pages", id + ".html"));
            var url = truth.Url is not null && Uri.TryCreate(truth.Url, UriKind.Absolute, out var uri) ? uri : null;
            entries.Add((id, bytes, url, truth));
        }

        return entries;
    }
}
