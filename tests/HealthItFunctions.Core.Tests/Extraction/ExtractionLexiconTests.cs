using System.Text.Json;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Extraction;

public sealed class ExtractionLexiconTests
{
    private static readonly string ShippedPath = Path.Combine(RepositoryPaths.Root, "seeds", ExtractionLexiconLoader.FileName);

    private static string ShippedJson => File.ReadAllText(ShippedPath);

    [Fact]
    public void Load_ShippedLexicon_Compiles()
    {
        var vocabulary = new ExtractionVocabulary(ExtractionLexiconLoader.Load(ShippedPath));

        Assert.Contains("来源", vocabulary.Lexicon.Labels.Source);
        Assert.Matches(vocabulary.SourceLine, "来源：新华社");
    }

    [Fact]
    public void Schema_ShippedLexicon_EveryFieldDescribed()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "seeds", "extraction-lexicon.schema.json")));
        using var lexicon = JsonDocument.Parse(ShippedJson);

        AssertSameFields(schema.RootElement, lexicon.RootElement, "$");
    }

    [Fact]
    public void Schema_EveryReference_ResolvesToADefinition()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "seeds", "extraction-lexicon.schema.json")));
        var definitions = schema.RootElement.GetProperty("$defs");

        var references = References(schema.RootElement).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(r.StartsWith("#/$defs/", StringComparison.Ordinal) && definitions.TryGetProperty(r["#/$defs/".Length..], out _), r));
    }

    [Fact]
    public void Parse_EmptyList_RefusedWithFileLineAndField()
    {
        var json = ShippedJson.Replace("\"justNow\": [\"刚刚\"]", "\"justNow\": []", StringComparison.Ordinal);
        var line = LineOf(json, "\"justNow\"");

        var e = Assert.Throws<ExtractionLexiconException>(() => ExtractionLexiconLoader.Parse(json, "blob config/extraction-lexicon.json"));

        Assert.Equal("blob config/extraction-lexicon.json", e.Origin);
        Assert.Equal("$.comments.justNow", e.Field);
        Assert.Equal(line, e.Line);
        Assert.Contains("at least one", e.Problem);
    }

    [Fact]
    public void Parse_EmptyPermission_RefusedWithFileLineAndField()
    {
        var json = ShippedJson.Replace("\"permission\": [\"授权\"]", "\"permission\": []", StringComparison.Ordinal);

        var e = Assert.Throws<ExtractionLexiconException>(() => ExtractionLexiconLoader.Parse(json, "x.json"));

        Assert.Equal("$.boilerplate.permission", e.Field);
        Assert.Equal(LineOf(json, "\"permission\""), e.Line);
    }

    [Fact]
    public void Parse_RepeatedEntry_RefusedAtTheEntry()
    {
        var json = ShippedJson.Replace("\"justNow\": [\"刚刚\"]", "\"justNow\": [\"刚刚\",\n      \"刚刚\"]", StringComparison.Ordinal);

        var e = Assert.Throws<ExtractionLexiconException>(() => ExtractionLexiconLoader.Parse(json, "x.json"));

        Assert.Equal("$.comments.justNow[1]", e.Field);
        Assert.Equal(LineOf(json, "\"justNow\"") + 1, e.Line);
    }

    [Fact]
    public void Parse_UnknownField_RefusedWithLineAndField()
    {
        var json = ShippedJson.Replace("\"labels\": {", "\"labels\": {\n    \"sauce\": [\"酱\"],", StringComparison.Ordinal);

        var e = Assert.Throws<ExtractionLexiconException>(() => ExtractionLexiconLoader.Parse(json, "x.json"));

        Assert.Equal(LineOf(json, "\"sauce\""), e.Line);
        Assert.Contains("sauce", e.Field);
    }

    [Fact]
    public void Parse_MissingField_Refused()
    {
        using var document = JsonDocument.Parse(ShippedJson);
        var withoutGate = "{" + string.Join(",", document.RootElement.EnumerateObject().Where(p => p.Name != "gate").Select(p => JsonSerializer.Serialize(p.Name) + ":" + p.Value.GetRawText())) + "}";

        var e = Assert.Throws<ExtractionLexiconException>(() => ExtractionLexiconLoader.Parse(withoutGate, "x.json"));

        Assert.Contains("gate", e.Message);
    }

    [Fact]
    public void Parse_BrokenJson_RefusedWithLine()
    {
        var json = ShippedJson.Replace("\"gate\": {", "\"gate\": {{", StringComparison.Ordinal);

        var e = Assert.Throws<ExtractionLexiconException>(() => ExtractionLexiconLoader.Parse(json, "x.json"));

        Assert.Equal(LineOf(json, "\"gate\""), e.Line);
    }

    [Fact]
    public void Extract_LabelAddedToLexicon_RecognisedWithoutCodeChange()
    {
        const string html = """
            <html><head><title>某区上线互联网医院服务平台</title></head><body>
            <h1>某区上线互联网医院服务平台</h1>
            <div class="info">2021-08-30 09:15 供稿单位：某区卫生健康委</div>
            <div class="article"><p>某区互联网医院服务平台日前正式上线，居民可以在线预约挂号、查询检查报告，并与签约家庭医生在线交流。</p>
            <p>平台接入区内全部社区卫生服务中心，下一步还将接入电子健康档案和医保结算服务，让数据多跑路、群众少跑腿。</p></div>
            </body></html>
            """;
        var page = new HtmlPage(html, new Uri("https://example.cn/a.html"), Fixture.FetchedAt);
        var shipped = ExtractionLexiconLoader.Parse(ShippedJson, "shipped");
        var edited = shipped with { Labels = shipped.Labels with { Source = [.. shipped.Labels.Source, "供稿单位"] } };

        var before = Fixture.Extractor(SourceCatalog.Empty, new ExtractionVocabulary(shipped)).Extract(page).Article!;
        var after = Fixture.Extractor(SourceCatalog.Empty, new ExtractionVocabulary(edited)).Extract(page).Article!;

        Assert.NotEqual("某区卫生健康委", before.Source);
        Assert.Equal("某区卫生健康委", after.Source);
        Assert.Contains("供稿单位", after.Rules[ArticleField.Source]);
    }

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "$ref" ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };

    private static int LineOf(string json, string marker) => json[..json.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    private static void AssertSameFields(JsonElement schema, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var described = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        var present = value.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.True(described.SequenceEqual(present), $"{path}: schema {string.Join(",", described)} vs file {string.Join(",", present)}");
        foreach (var property in value.EnumerateObject())
        {
            AssertSameFields(schema.GetProperty("properties").GetProperty(property.Name), property.Value, path + "." + property.Name);
        }
    }
}
