using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core.Extraction;
using Moq;
using Spectre.Console;

namespace HealthItFunctions.Cli.Tests.Commands;

public sealed class BenchmarkExtractCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("healthit-benchmark-");
    private readonly StringWriter _consoleOutput = new();

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _consoleOutput.Dispose();
    }

    [Fact]
    public void ResolveDefaultCorpus_CwdDeepInsideRepository_AnchorsAtRepositoryRoot()
    {
        var repository = _root.CreateSubdirectory("repo");
        File.WriteAllText(Path.Combine(repository.FullName, BenchmarkExtractCommand.SolutionFileName), "");
        var nested = repository.CreateSubdirectory(Path.Combine("src", "HealthItFunctions.Cli", "bin"));

        var corpus = BenchmarkExtractCommand.ResolveDefaultCorpus(nested.FullName);

        Assert.Equal(Path.Combine(_root.FullName, "shared", "corpus", "zh-news-dev"), corpus.FullName);
    }

    [Fact]
    public void ResolveDefaultCorpus_CwdOutsideRepository_FallsBackToBinaryLocation()
    {
        var repository = _root.CreateSubdirectory("repo");
        File.WriteAllText(Path.Combine(repository.FullName, BenchmarkExtractCommand.SolutionFileName), "");
        var binary = repository.CreateSubdirectory("bin");
        var elsewhere = _root.CreateSubdirectory("elsewhere");

        var corpus = BenchmarkExtractCommand.ResolveDefaultCorpus(elsewhere.FullName, binary.FullName);

        Assert.Equal(Path.Combine(_root.FullName, "shared", "corpus", "zh-news-dev"), corpus.FullName);
    }

    [Fact]
    public void FindRepositoryRoot_NoSolutionAbove_ReturnsNull()
    {
        var folder = _root.CreateSubdirectory("plain");

        // The temp folder's ancestors (/tmp, /) hold no HealthItFunctions.sln.
        Assert.Null(BenchmarkExtractCommand.FindRepositoryRoot(folder.FullName));
    }

    [Fact]
    public void Build_ExplicitRelativeCorpus_StaysRelativeToCwd()
    {
        var command = CreateCommand(Mock.Of<IArticleExtractor>()).Build();

        var parsed = command.Parse(["--corpus", "some/corpus"]);

        var corpus = parsed.GetValue<DirectoryInfo>("--corpus");
        Assert.Equal(Path.GetFullPath("some/corpus"), corpus!.FullName);
    }

    [Fact]
    public void Run_AllOption_ListsEveryScoredPageWithBodyScores()
    {
        WriteCorpusPage("p1", "<html><body><h1>标题</h1><p>医院信息化建设取得进展，数据互通更加顺畅。</p></body></html>", "医院信息化建设取得进展，数据互通更加顺畅。");
        WriteCorpusPage("p2", "<html><body><p>另一篇</p></body></html>", "完全不同的正文内容在这里。");
        var extractor = new Mock<IArticleExtractor>();
        extractor.Setup(e => e.Extract(It.IsAny<HtmlPage>())).Returns(ExtractionResult.Success(new ExtractedArticle
        {
            Title = "标题",
            Paragraphs = ["医院信息化建设取得进展，数据互通更加顺畅。"],
            Language = "zh-CN",
            Rules = new Dictionary<ArticleField, string>(),
        }));

        var exitCode = CreateCommand(extractor.Object).Run(_root, all: true);

        Assert.Equal(0, exitCode);
        var output = _consoleOutput.ToString();
        Assert.Contains("all pages:", output, StringComparison.Ordinal);
        Assert.Contains("p1", output, StringComparison.Ordinal);
        Assert.Contains("p2", output, StringComparison.Ordinal);
        Assert.Contains("1.000", output, StringComparison.Ordinal);
    }

    private void WriteCorpusPage(string id, string html, string content)
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "pages"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "truth"));
        File.WriteAllText(Path.Combine(_root.FullName, "pages", id + ".html"), html);
        File.WriteAllText(Path.Combine(_root.FullName, "truth", id + ".json"),
            $$"""{"url": null, "content": "{{content}}", "truth_fields": ["content"]}""");
        File.AppendAllText(Path.Combine(_root.FullName, "index.jsonl"), $$"""{"id": "{{id}}"}""" + "\n");
    }

    private BenchmarkExtractCommand CreateCommand(IArticleExtractor extractor) =>
        new(new ArticleReader(extractor), AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_consoleOutput),
            Interactive = InteractionSupport.No,
        }))
        {
            Errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_consoleOutput), Interactive = InteractionSupport.No }),
        };
}
