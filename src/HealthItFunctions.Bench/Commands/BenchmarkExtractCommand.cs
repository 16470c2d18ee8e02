using System.CommandLine;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Cli.Pages;
using HealthItFunctions.Core.Extraction;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit-bench extract [--corpus dir] [--all]</c>: per-field accuracy, pages/s and the worst pages.</summary>
internal sealed class BenchmarkExtractCommand(ArticleReader reader, IAnsiConsole console) : ICliCommand
{
    /// <summary>Progress and errors; the report itself goes to the injected (stdout) console.</summary>
    internal IAnsiConsole Errors { get; init; } = CliConsole.Stderr;

    /// <summary>Relative to the repository root (the folder holding <see cref="SolutionFileName"/>), not the cwd.</summary>
    internal const string DefaultCorpus = "../shared/corpus/zh-news-dev";
    internal const string SolutionFileName = "HealthItFunctions.sln";
    private const int WorstCount = 10;

    public Command Build()
    {
        // An explicit --corpus is a path the user typed, so it stays relative to the cwd; only the default is anchored.
        var corpus = new Option<DirectoryInfo>("--corpus")
        {
            Description = $"Corpus directory with index.jsonl, pages/ and truth/ (default: {DefaultCorpus} from the repository root).",
            DefaultValueFactory = _ => ResolveDefaultCorpus(Environment.CurrentDirectory, AppContext.BaseDirectory),
        };
        var all = new Option<bool>("--all", "--verbose")
        {
            Description = "List every scored page with its body precision, recall and F1, not only the worst ten.",
        };
        var profile = new Option<bool>("--profile")
        {
            Description = "Also time each extraction step (decode, parse, index, gate, each layer) and print where the time went.",
        };
        var command = new Command("extract", "Score the article extractor against a corpus with ground truth.") { corpus, all, profile };
        command.SetAction(result => Run(result.GetRequiredValue(corpus), result.GetValue(all), result.GetValue(profile)));
        return command;
    }

    /// <summary>
    /// The default corpus sits beside the repository, so it is found from the repository root: first walking up from
    /// the cwd, then from the binary (which lives under the repository's bin/), and the cwd only when neither is inside it.
    /// </summary>
    internal static DirectoryInfo ResolveDefaultCorpus(params ReadOnlySpan<string> startFolders)
    {
        foreach (var start in startFolders)
        {
            if (FindRepositoryRoot(start) is { } root)
            {
                return new DirectoryInfo(Path.GetFullPath(Path.Combine(root.FullName, DefaultCorpus)));
            }
        }

        return new DirectoryInfo(DefaultCorpus);
    }

    internal static DirectoryInfo? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder;
            }
        }

        return null;
    }

    internal int Run(DirectoryInfo corpus, bool all = false, bool profile = false)
    {
        if (!File.Exists(Path.Combine(corpus.FullName, PageSet.IndexFileName)))
        {
            Errors.MarkupLineInterpolated($"[red]error:[/] '{corpus.FullName}' is not a corpus (no {PageSet.IndexFileName}).");
            return 2;
        }

        var benchmark = new ExtractionBenchmark(reader);
        BenchmarkReport? report = null;
        if (CliConsole.ShowsProgress(Errors))
        {
            Errors.Progress().Start(progress =>
            {
                var task = progress.AddTask("scoring", maxValue: ExtractionBenchmark.CountPages(corpus));
                report = benchmark.Run(corpus, () => task.Increment(1), profile: profile);
            });
        }
        else
        {
            report = benchmark.Run(corpus, () => { }, profile: profile);
        }

        Render(report!, all);
        return 0;
    }

    private void Render(BenchmarkReport report, bool all)
    {
        var fields = new Table().AddColumns("field", "pages", "score");
        foreach (var field in report.Fields)
        {
            var label = field.Field switch
            {
                "title" => "title (exact match)",
                "publish_time" => "publish time (at truth precision)",
                "body" => "body F1 (4-gram shingles)",
                "snippets" => "body must/must-not snippets",
                var other => other + " (exact match)",
            };
            fields.AddRow(label, field.Pages.ToString(), field.Mean.ToString("0.000"));
        }

        fields.AddRow("body precision / recall", "", $"{report.BodyPrecision:0.000} / {report.BodyRecall:0.000}");
        fields.AddRow($"pages/s (one thread, best of {report.TimedPasses} passes)", report.Pages.Count.ToString(), report.PagesPerSecond?.ToString("0") ?? "not measured");
        fields.AddRow("pages/s (one thread's CPU time, best pass)", report.Pages.Count.ToString(), report.PagesPerCpuSecond?.ToString("0") ?? "not measured");
        console.Write(fields);
        if (report.Profile is { } profile)
        {
            RenderProfile(profile, report.Pages.Count);
        }

        var worst = new Table().AddColumns("page", "score", "reason");
        foreach (var page in report.Worst(WorstCount))
        {
            worst.AddRow(Markup.Escape(page.Id), page.Overall.ToString("0.00"), Markup.Escape(page.Reason));
        }

        console.WriteLine($"{WorstCount} worst pages:");
        console.Write(worst);
        if (all)
        {
            RenderAll(report);
        }
    }

    /// <summary>Where the time went: each step's share of one profiled pass.</summary>
    private void RenderProfile(ExtractionProfile profile, int pages)
    {
        var steps = profile.Steps.ToList();
        var total = steps.Sum(s => s.Total.TotalMilliseconds);
        var table = new Table().Title("profile: one pass, Stopwatch per step").AddColumns("step", "ms/page", "share");
        foreach (var (step, time) in steps.OrderByDescending(s => s.Total))
        {
            table.AddRow(Markup.Escape(step), (time.TotalMilliseconds / Math.Max(pages, 1)).ToString("0.000"), (time.TotalMilliseconds / Math.Max(total, 1e-9)).ToString("P0"));
        }

        console.Write(table);
    }

    /// <summary>Every page by body F1, worst first: precision and recall losses hide behind a good mean.</summary>
    private void RenderAll(BenchmarkReport report)
    {
        var pages = new Table().AddColumns("page", "body P", "body R", "body F1", "other misses");
        foreach (var page in report.Pages.OrderBy(p => p.Body?.F1 ?? 2).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            var others = string.Join("; ", page.Scores.Where(s => s.Score < 1 && s.Field != "body").Select(s => s.Why));
            if (!page.Result.IsArticle)
            {
                others = $"not an article ({page.Result.Reason})" + (others.Length > 0 ? "; " + others : "");
            }

            pages.AddRow(
                Markup.Escape(page.Id),
                page.Body is { } b ? b.Precision.ToString("0.000") : "",
                page.Body is { } r ? r.Recall.ToString("0.000") : "",
                page.Body is { } f ? f.F1.ToString("0.000") : "",
                Markup.Escape(others));
        }

        console.WriteLine("all pages:");
        console.Write(pages);
    }
}
