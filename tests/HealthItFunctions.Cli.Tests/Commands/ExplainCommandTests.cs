using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HealthItFunctions.Cli.Tests.Commands;

public sealed class ExplainCommandTests : IDisposable
{
    private const string Page = """
        <html><head><meta charset="utf-8"><title>某市上线互联网医院平台</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"某市上线互联网医院平台","datePublished":"2021-08-30T09:15:00+08:00"}</script>
        </head><body><h1>某市上线互联网医院平台</h1><div class="article">
        <p>本月初，某市卫生健康委员会宣布全市统一的互联网医院平台正式上线，首批接入二十三家市属医院。</p>
        <p>市民通过手机即可完成预约挂号、在线复诊和处方流转，药品可以配送到家，复诊患者不必再往返医院排队。</p>
        </div></body></html>
        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("healthit-explain-");
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _output.Dispose();
    }

    [Fact]
    public void Run_PageWithUrlAndJsonLdDates_PrintsEncodingEveryCandidateAndTheWinner()
    {
        var file = new FileInfo(Path.Combine(_root.FullName, "p.html"));
        File.WriteAllText(file.FullName, Page);

        var exitCode = CreateCommand().Run(file, new Uri("https://news.example.cn/2021/0830/a1.html"));

        Assert.Equal(0, exitCode);
        var text = _output.ToString();
        Assert.Contains("encoding: utf-8 (utf8-valid)", text, StringComparison.Ordinal);
        Assert.Contains("refined by jsonld:datePublished", text, StringComparison.Ordinal);
        Assert.Contains("2021-08-30T09:15:00+08:00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    private ExplainCommand CreateCommand()
    {
        var extractor = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddArticleExtraction()
            .AddSingleton<ISourceCatalog>(new FileSourceCatalog(SourceCatalog.Empty))
            .BuildServiceProvider()
            .GetRequiredService<IArticleExtractor>();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Wide enough that no table cell wraps mid-value.
        console.Profile.Width = 240;
        return new ExplainCommand(new ArticleReader(extractor), console);
    }
}
