using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Benchmark;

/// <summary>
/// Guards the accuracy targets on the dev corpus, read in place from ../shared (never copied here).
/// Speed is left to `healthit benchmark extract`: a timed assertion would fail on a busy machine, not on slow code.
/// </summary>
public sealed class DevCorpusAccuracyTests
{
    private static readonly Lazy<BenchmarkReport> Report = new(() =>
    {
        var extractor = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddArticleExtraction()
            .AddSingleton<ISourceCatalog>(new FileSourceCatalog(SourceCatalogLoader.Load(Path.Combine(RepositoryPaths.Root, "seeds", "sources.json"))))
            .BuildServiceProvider()
            .GetRequiredService<IArticleExtractor>();
        return new ExtractionBenchmark(new ArticleReader(extractor)).Run(new DirectoryInfo(CorpusPath), measureSpeed: false);
    });

    private static string CorpusPath => DevCorpus.Directory;

    // The corpus path is an argument so that a skip names it in the default `dotnet test` output.
    public static TheoryData<string, string, double> Targets => new()
    {
        { DevCorpus.Directory, "title", 0.97 },
        { DevCorpus.Directory, "publish_time", 0.97 },
        { DevCorpus.Directory, "body", 0.93 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Run_DevCorpus_FieldMeetsTarget(string corpus, string field, double target)
    {
        if (!File.Exists(Path.Combine(corpus, "index.jsonl")))
        {
            Assert.Skip(DevCorpus.SkipReason);
        }

        var summary = Assert.Single(Report.Value.Fields, f => f.Field == field);
        var worst = string.Join(", ", Report.Value.Worst(5).Select(p => $"{p.Id} ({p.Reason})"));
        Assert.True(summary.Mean >= target, $"{field}: {summary.Mean:0.000} over {summary.Pages} pages, below {target}. Worst: {worst}");
    }
}
