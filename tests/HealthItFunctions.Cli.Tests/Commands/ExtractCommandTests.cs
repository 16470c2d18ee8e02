using System.Text.Json;
using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Dates;
using Microsoft.Extensions.Options;
using Moq;
using Spectre.Console;

namespace HealthItFunctions.Cli.Tests.Commands;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("healthit-extract-");
    private readonly StringWriter _consoleOutput = new();

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _consoleOutput.Dispose();
    }

    [Fact]
    public async Task RunAsync_PagesWithIndexBesideDirectory_WritesExactJsonlShapeWithUrls()
    {
        var pages = _root.CreateSubdirectory("pages");
        await File.WriteAllTextAsync(Path.Combine(pages.FullName, "a1.html"), "<html><body><p>正文</p></body></html>", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_root.FullName, "index.jsonl"), """{"id": "a1", "url": "https://www.hit180.com/52842.html"}""" + "\n", TestContext.Current.CancellationToken);
        var extractor = new Mock<IArticleExtractor>();
        extractor.Setup(e => e.Extract(It.IsAny<HtmlPage>())).Returns(ExtractionResult.Success(new ExtractedArticle
        {
            Title = "医院数据治理的三个抓手",
            PublishTime = new PublishTime(new DateTimeOffset(2021, 8, 15, 10, 10, 0, TimeSpan.FromHours(8)), TimePrecision.Minute),
            Author = "李明",
            Source = "HIT专家网",
            Paragraphs = ["第一段。", "第二段。"],
            Language = "zh-CN",
            Rules = new Dictionary<ArticleField, string>(),
        }));
        var output = new FileInfo(Path.Combine(_root.FullName, "out", "result.jsonl"));

        var exitCode = await CreateCommand(extractor.Object).RunAsync(pages, output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var line = Assert.Single(await File.ReadAllLinesAsync(output.FullName, TestContext.Current.CancellationToken));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(["id", "url", "title", "publish_time", "author", "source", "content"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("a1", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("https://www.hit180.com/52842.html", json.RootElement.GetProperty("url").GetString());
        Assert.Equal("2021-08-15T10:10:00+08:00", json.RootElement.GetProperty("publish_time").GetString());
        Assert.Equal("第一段。\n第二段。", json.RootElement.GetProperty("content").GetString());
        extractor.Verify(e => e.Extract(It.Is<HtmlPage>(p => p.Url == new Uri("https://www.hit180.com/52842.html"))), Times.Once);
    }

    [Fact]
    public async Task RunAsync_NotAnArticle_WritesLineWithNullFieldsAndEmptyContent()
    {
        var pages = _root.CreateSubdirectory("pages");
        await File.WriteAllTextAsync(Path.Combine(pages.FullName, "gone.html"), "<html></html>", TestContext.Current.CancellationToken);
        var extractor = new Mock<IArticleExtractor>();
        extractor.Setup(e => e.Extract(It.IsAny<HtmlPage>())).Returns(ExtractionResult.NotAnArticle(NotArticleReason.Deleted, "removed"));
        var output = new FileInfo(Path.Combine(_root.FullName, "out.jsonl"));

        await CreateCommand(extractor.Object).RunAsync(pages, output, TestContext.Current.CancellationToken);

        var line = Assert.Single(await File.ReadAllLinesAsync(output.FullName, TestContext.Current.CancellationToken));
        Assert.Equal("""{"id":"gone","url":null,"title":null,"publish_time":null,"author":null,"source":null,"content":"","not_article":"deleted: removed"}""", line);
    }

    [Fact]
    public async Task RunAsync_MissingDirectory_ReturnsErrorAndExplains()
    {
        var missing = new DirectoryInfo(Path.Combine(_root.FullName, "nope"));
        var output = new FileInfo(Path.Combine(_root.FullName, "out.jsonl"));

        var exitCode = await CreateCommand(Mock.Of<IArticleExtractor>()).RunAsync(missing, output, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", _consoleOutput.ToString(), StringComparison.Ordinal);
        Assert.False(output.Exists);
    }

    [Fact]
    public async Task RunAsync_JsonlIsDirectory_ReturnsTwoAndNamesIt()
    {
        var pages = _root.CreateSubdirectory("pages");
        await File.WriteAllTextAsync(Path.Combine(pages.FullName, "a.html"), "<html></html>", TestContext.Current.CancellationToken);
        var outputDirectory = _root.CreateSubdirectory("out");

        var exitCode = await CreateCommand(Mock.Of<IArticleExtractor>()).RunAsync(pages, new FileInfo(outputDirectory.FullName), TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("is a directory", _consoleOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonlUnderAFile_ReturnsTwoWithoutStackTrace()
    {
        var pages = _root.CreateSubdirectory("pages");
        await File.WriteAllTextAsync(Path.Combine(pages.FullName, "a.html"), "<html></html>", TestContext.Current.CancellationToken);
        var blocker = Path.Combine(_root.FullName, "blocker");
        await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);

        var exitCode = await CreateCommand(Mock.Of<IArticleExtractor>()).RunAsync(pages, new FileInfo(Path.Combine(blocker, "out.jsonl")), TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot write --jsonl", _consoleOutput.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _consoleOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FileGivenAsPagesDirectory_SaysItIsAFile()
    {
        var file = Path.Combine(_root.FullName, "page.html");
        await File.WriteAllTextAsync(file, "<html></html>", TestContext.Current.CancellationToken);

        var exitCode = await CreateCommand(Mock.Of<IArticleExtractor>()).RunAsync(new DirectoryInfo(file), new FileInfo(Path.Combine(_root.FullName, "o.jsonl")), TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("is a file, not a directory", _consoleOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PageOverSizeCap_SkippedWithReasonAndNotParsed()
    {
        var pages = _root.CreateSubdirectory("pages");
        await File.WriteAllTextAsync(Path.Combine(pages.FullName, "big.html"), new string('x', 2048), TestContext.Current.CancellationToken);
        var extractor = new Mock<IArticleExtractor>(MockBehavior.Strict);
        var output = new FileInfo(Path.Combine(_root.FullName, "out.jsonl"));

        var exitCode = await CreateCommand(extractor.Object, maxInputBytes: 1024).RunAsync(pages, output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var line = Assert.Single(await File.ReadAllLinesAsync(output.FullName, TestContext.Current.CancellationToken));
        using var json = JsonDocument.Parse(line);
        Assert.StartsWith("too_large", json.RootElement.GetProperty("not_article").GetString(), StringComparison.Ordinal);
        Assert.Contains("Extraction:MaxInputBytes", _consoleOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_VerboseMixedEncodingPage_LineCarriesEncodingAndEvidenceAndWarns()
    {
        var pages = _root.CreateSubdirectory("pages");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        byte[] bytes = [.. System.Text.Encoding.ASCII.GetBytes("<p>"), .. System.Text.Encoding.GetEncoding(54936).GetBytes("北京市卫生健康委员会发布通知。"),
            .. System.Text.Encoding.ASCII.GetBytes("</p><p>"), .. System.Text.Encoding.UTF8.GetBytes("网站地图联系我们"), .. System.Text.Encoding.ASCII.GetBytes("</p>")];
        await File.WriteAllBytesAsync(Path.Combine(pages.FullName, "m.html"), bytes, TestContext.Current.CancellationToken);
        var extractor = new Mock<IArticleExtractor>();
        extractor.Setup(e => e.Extract(It.IsAny<HtmlPage>())).Returns(ExtractionResult.NotAnArticle(NotArticleReason.NoMainContent, "short"));
        var output = new FileInfo(Path.Combine(_root.FullName, "out.jsonl"));

        await CreateCommand(extractor.Object).RunAsync(pages, output, TestContext.Current.CancellationToken, verbose: true);

        using var json = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(output.FullName, TestContext.Current.CancellationToken)));
        Assert.Equal("gb18030", json.RootElement.GetProperty("encoding").GetString(), ignoreCase: true);
        Assert.StartsWith("mixed:", json.RootElement.GetProperty("encoding_evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("mixes encodings", _consoleOutput.ToString(), StringComparison.Ordinal);
        extractor.Verify(e => e.Extract(It.Is<HtmlPage>(p => p.Html.Contains("网站地图联系我们") && p.Html.Contains("卫生健康委员会"))), Times.Once);
    }

    private ExtractCommand CreateCommand(IArticleExtractor extractor, long maxInputBytes = 5 * 1024 * 1024) =>
        new(new ArticleReader(extractor), Options.Create(new ExtractionOptions { MaxInputBytes = maxInputBytes }))
        {
            Errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_consoleOutput), Interactive = InteractionSupport.No }),
        };
}
