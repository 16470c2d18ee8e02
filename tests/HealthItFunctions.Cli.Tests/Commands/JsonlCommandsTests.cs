using System.Text.Json;
using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Testing;
using Spectre.Console;

namespace HealthItFunctions.Cli.Tests.Commands;

/// <summary><c>healthit relevance</c> and <c>healthit dedupe</c> on JSONL files, with the real seeds lexicon and detector.</summary>
public sealed class JsonlCommandsTests : IDisposable
{
    private const string Body =
        "北京协和医院互联网医院近日正式上线，首批开放心内科等12个科室的线上复诊服务。患者通过手机端即可完成预约、问诊、缴费等环节，" +
        "医生可在线开具电子处方。药品可以通过物流配送到家，北京市内一般两天内送达。医保患者在线复诊可享受医保实时结算，个人只需支付自付部分。";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("healthit-jsonl-");
    private readonly StringWriter _console = new();

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _console.Dispose();
    }

    [Fact]
    public void Relevance_ArticleLines_WritesExactShapePerLineInOrder()
    {
        var input = WriteInput(
            new { id = "hit", title = "北京协和医院互联网医院正式上线", content = Body },
            new { id = "metro", title = "北京地铁17号线开通", content = "北京地铁17号线北段今日开通试运营。" });
        var output = OutputFile();

        var exitCode = CreateRelevance().Run(input, output);

        Assert.Equal(0, exitCode);
        var lines = ReadOutput(output);
        Assert.Equal(["hit", "metro"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(["id", "score", "band", "terms"], lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("include", lines[0].GetProperty("band").GetString());
        Assert.Equal("exclude", lines[1].GetProperty("band").GetString());
        var term = lines[0].GetProperty("terms").EnumerateArray().First(t => t.GetProperty("term").GetString() == "互联网医院" && t.GetProperty("where").GetString() == "title");
        Assert.Equal(["axis", "term", "where", "count"], term.EnumerateObject().Select(p => p.Name));
        Assert.Equal("informatization", term.GetProperty("axis").GetString());
        Assert.Equal(1, term.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Dedupe_ReprintAndUnrelated_ClusterIsEarliestPrimary()
    {
        var input = WriteInput(
            new { id = "later", title = "人民日报：协和互联网医院上线", content = "来源：人民日报\n" + Body + "\n责任编辑：李明", publish_time = "2021-08-03T10:00:00+08:00", source = "人民日报" },
            new { id = "first", title = "北京协和医院互联网医院正式上线", content = Body, publish_time = "2021-08-01", source = "北京市卫生健康委员会" },
            new { id = "other", title = "北京地铁17号线开通", content = "北京地铁17号线北段今日开通试运营，沿线设置多座车站，早晚高峰最小行车间隔缩短，市民出行更加便利。" });
        var output = OutputFile();

        var exitCode = CreateDedupe().Run(input, output);

        Assert.Equal(0, exitCode);
        var lines = File.ReadAllLines(output.FullName);
        Assert.Equal(
            [
                """{"id":"later","cluster":"first","primary":false}""",
                """{"id":"first","cluster":"first","primary":true}""",
                """{"id":"other","cluster":"other","primary":true}""",
            ],
            lines);
    }

    [Theory]
    [InlineData("{not json", "line 2: not valid JSON")]
    [InlineData("[1, 2]", "line 2: expected a JSON object")]
    [InlineData("""{"title":"无id"}""", "line 2: \"id\" is missing")]
    [InlineData("""{"id":7}""", "line 2: \"id\" must be a string")]
    [InlineData("""{"id":"b","content":["段落"]}""", "line 2: \"content\" must be a string")]
    [InlineData("""{"id":"b","publish_time":"yesterday"}""", "line 2: \"publish_time\" 'yesterday'")]
    [InlineData("""{"id":"a"}""", "line 2: id 'a' already appeared on line 1")]
    public void Dedupe_BadLine_ExitsTwoNamingLineAndWritesNothing(string badLine, string expected)
    {
        var input = new FileInfo(Path.Combine(_root.FullName, "in.jsonl"));
        File.WriteAllText(input.FullName, $$"""{"id":"a","title":"t","content":"c"}""" + "\n" + badLine + "\n");
        var output = OutputFile();

        var exitCode = CreateDedupe().Run(input, output);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, _console.ToString().ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.False(output.Exists);
    }

    [Fact]
    public void Relevance_BlankLines_SkippedAndMissingFieldsScoreAsEmpty()
    {
        var input = new FileInfo(Path.Combine(_root.FullName, "in.jsonl"));
        File.WriteAllText(input.FullName, "\n" + """{"id":"bare"}""" + "\n\n");
        var output = OutputFile();

        var exitCode = CreateRelevance().Run(input, output);

        Assert.Equal(0, exitCode);
        Assert.Equal("""{"id":"bare","score":0,"band":"exclude","terms":[]}""", Assert.Single(File.ReadAllLines(output.FullName)));
    }

    [Fact]
    public void Relevance_MissingInput_ExitsTwoAndSaysWhichFile()
    {
        var exitCode = CreateRelevance().Run(new FileInfo(Path.Combine(_root.FullName, "nope.jsonl")), OutputFile());

        Assert.Equal(2, exitCode);
        Assert.Contains("nope.jsonl", _console.ToString(), StringComparison.Ordinal);
    }

    private FileInfo WriteInput(params object[] rows)
    {
        var input = new FileInfo(Path.Combine(_root.FullName, "in.jsonl"));
        File.WriteAllLines(input.FullName, rows.Select(r => JsonSerializer.Serialize(r)));
        return input;
    }

    private FileInfo OutputFile() => new(Path.Combine(_root.FullName, "out", "result.jsonl"));

    private static List<JsonElement> ReadOutput(FileInfo output) =>
        File.ReadAllLines(output.FullName).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_console), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });

    private RelevanceCommand CreateRelevance() =>
        new(new RelevanceScorer(Lexicon.Load(Path.Combine(RepositoryPaths.Root, "seeds", Lexicon.FileName)))) { Errors = Console() };

    private DedupeCommand CreateDedupe() =>
        new(new ReprintClusterer(new NearDuplicateDetector(), new PrimaryRule(new FileSourceCatalog(SourceCatalogLoader.Load(Path.Combine(RepositoryPaths.Root, "seeds", "sources.json")))))) { Errors = Console() };
}
