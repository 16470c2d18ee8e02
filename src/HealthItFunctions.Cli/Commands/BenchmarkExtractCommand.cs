using System.CommandLine;
using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Cli.Pages;
using HealthItFunctions.Core.Extraction;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit benchmark extract [--corpus dir]</c>: per-field accuracy, pages/s and the worst pages.</summary>
internal sealed class BenchmarkExtractCommand(IArticleExtractor extractor, IAnsiConsole console)
{
    private const string DefaultCorpus = "../shared/corpus/zh-news-dev";
    private const int WorstCount = 10;

    public Command Build()
    {
        var corpus = new Option<DirectoryInfo>("--corpus")
        {
            Description = "Corpus directory with index.jsonl, pages/ and truth/.",
            DefaultValueFactory = _ => new DirectoryInfo(DefaultCorpus),
        };
        var command = new Command("extract", "Score the article extractor against a corpus with ground truth.") { corpus };
        command.SetAction(result => Run(result.GetRequiredValue(corpus)));
        return command;
    }

    internal int Run(DirectoryInfo corpus)
    {
        if (!File.Exists(Path.Combine(corpus.FullName, PageSet.IndexFileName)))
        {
            console.MarkupLineInterpolated($"[red]error:[/] '{corpus.FullName}' is not a corpus (no {PageSet.IndexFileName}).");
            return 2;
        }

        var benchmark = new ExtractionBenchmark(extractor);
        BenchmarkReport? report = null;
        console.Progress().Start(progress =>
        {
            var task = progress.AddTask("scoring", maxValue: ExtractionBenchmark.CountPages(corpus));
            report = benchmark.Run(corpus, () => task.Increment(1));
        });

        Render(report!);
        return 0;
    }

    private void Render(BenchmarkReport report)
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
        fields.AddRow("pages/s (one thread, decode + extract, best of 3)", report.Pages.Count.ToString(), report.PagesPerSecond.ToString("0"));
        console.Write(fields);

        var worst = new Table().AddColumns("page", "score", "reason");
        foreach (var page in report.Worst(WorstCount))
        {
            worst.AddRow(Markup.Escape(page.Id), page.Overall.ToString("0.00"), Markup.Escape(page.Reason));
        }

        console.WriteLine($"{WorstCount} worst pages:");
        console.Write(worst);
    }
}
