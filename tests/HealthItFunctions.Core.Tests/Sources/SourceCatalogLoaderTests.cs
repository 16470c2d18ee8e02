using HealthItFunctions.Core.Sources;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Sources;

public sealed class SourceCatalogLoaderTests
{
    private const string Origin = "blob config/sources.json";

    [Fact]
    public void Parse_ShippedSeeds_Loads()
    {
        var path = Path.Combine(RepositoryPaths.Root, "seeds", "sources.json");

        var catalog = SourceCatalogLoader.Parse(File.ReadAllText(path), path);

        Assert.Contains(catalog.Sources, s => s.Id == "wjw-beijing");
    }

    [Fact]
    public void Parse_SyntaxError_NamesFileLineAndPath()
    {
        const string json = "{\n  \"sources\": [\n    { \"id\": \"a\", \"media\": \"A\", \"hosts\": [\"a.cn\"] }\n    { \"id\": \"b\" }\n  ]\n}";

        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalogLoader.Parse(json, Origin));

        Assert.Equal(4, error.Line);
        Assert.StartsWith($"{Origin} line 4", error.Message);
        Assert.Contains("$.sources", error.Field);
    }

    [Fact]
    public void Parse_WrongType_NamesField()
    {
        const string json = "{\n  \"sources\": [\n    {\n      \"id\": \"a\", \"media\": \"A\", \"hosts\": \"a.cn\"\n    }\n  ]\n}";

        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalogLoader.Parse(json, Origin));

        Assert.Equal(4, error.Line);
        Assert.Equal("$.sources[0].hosts", error.Field);
    }

    [Fact]
    public void Parse_MissingMedia_NamesTheSourcesLine()
    {
        const string json = "{\n  \"sources\": [\n    { \"id\": \"a\", \"media\": \"A\", \"hosts\": [\"a.cn\"] },\n    { \"id\": \"b\", \"media\": \"\", \"hosts\": [\"b.cn\"] }\n  ]\n}";

        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalogLoader.Parse(json, Origin));

        Assert.Equal(4, error.Line);
        Assert.Equal("$.sources[1]", error.Field);
        Assert.Contains("'b'", error.Problem);
    }

    [Theory]
    [InlineData("\"startUrls\": [\"/relative/\"]", "list.startUrls[0]")]
    [InlineData("\"startUrls\": [\"http://a.cn/\"], \"urlPattern\": \"([unclosed\"", "list.urlPattern")]
    [InlineData("\"startUrls\": [\"http://a.cn/\"], \"rows\": \"//div[\"", "list.rows")]
    [InlineData("\"kind\": \"json\", \"startUrls\": [\"http://a.cn/l.json\"]", "list.fields")]
    [InlineData("\"kind\": \"json\", \"startUrls\": [\"http://a.cn/l.json\"], \"items\": \"data\", \"fields\": { \"url\": \"/u\" }", "list.items")]
    [InlineData("\"kind\": \"json\", \"startUrls\": [\"http://a.cn/l.json\"], \"fields\": { \"url\": \"/u\", \"date\": \"/d~2\" }", "list.fields.date")]
    [InlineData("\"kind\": \"json\", \"startUrls\": [\"http://a.cn/l.json\"], \"method\": \"PUT\", \"fields\": { \"url\": \"/u\" }", "list.method")]
    [InlineData("\"kind\": \"json\", \"startUrls\": [\"http://a.cn/l.json\"], \"fields\": { \"urlTemplate\": \"https://a.cn/rain/a/id\" }", "list.fields.urlTemplate")]
    [InlineData("\"kind\": \"json\", \"startUrls\": [\"http://a.cn/l.json\"], \"fields\": { \"urlTemplate\": \"https://a.cn/rain/a/{/id~2}\" }", "list.fields.urlTemplate")]
    [InlineData("\"kind\": \"json\", \"startUrls\": [\"http://a.cn/l.json\"], \"fields\": { \"urlTemplate\": \"/rain/a/{/id}\" }", "list.fields.urlTemplate")]
    [InlineData("\"kind\": \"json\", \"startUrls\": [\"http://a.cn/l.json\"], \"fields\": { \"urlTemplate\": \"https://a.cn/{id}/{/id}\" }", "list.fields.urlTemplate")]
    [InlineData("\"kind\": \"html-list\", \"startUrls\": [\"http://a.cn/\"], \"method\": \"POST\"", "list.method")]
    [InlineData("\"startUrls\": [\"http://a.cn/\"], \"paging\": { \"template\": \"http://a.cn/list.html\" }", "list.paging.template")]
    [InlineData("\"startUrls\": [\"http://a.cn/\"], \"paging\": { }", "list.paging")]
    [InlineData("\"startUrls\": [\"http://a.cn/\"], \"paging\": { \"next\": \"//a[\" }", "list.paging.next")]
    [InlineData("\"kind\": \"rss\", \"startUrls\": [\"http://a.cn/feed\"], \"paging\": { \"next\": \"//a\" }", "list.paging.next")]
    public void Parse_BadListRule_NamesField(string list, string field)
    {
        var json = "{\n  \"sources\": [\n    { \"id\": \"a\", \"media\": \"A\", \"hosts\": [\"a.cn\"] },\n" +
                   $"    {{ \"id\": \"b\", \"media\": \"B\", \"hosts\": [\"b.cn\"], \"list\": {{ {list} }} }}\n  ]\n}}";

        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalogLoader.Parse(json, Origin));

        Assert.Equal(4, error.Line);
        Assert.Equal($"$.sources[1].{field}", error.Field);
    }

    [Fact]
    public void Parse_DuplicateId_Refused()
    {
        const string json = "{ \"sources\": [ { \"id\": \"a\", \"media\": \"A\", \"hosts\": [\"a.cn\"] }, { \"id\": \"a\", \"media\": \"B\", \"hosts\": [\"b.cn\"] } ] }";

        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalogLoader.Parse(json, Origin));

        Assert.Equal("$.sources[1].id", error.Field);
    }

    [Theory]
    [InlineData("{ \"covers\": [], \"what\": \"w\", \"seen\": \"s\", \"year\": 2024 }", "evidence[0].covers")]
    [InlineData("{ \"covers\": [\"rows\"], \"what\": \"w\", \"seen\": \"s\", \"year\": 2024 }", "evidence[0].covers")]
    [InlineData("{ \"covers\": [\"list\"], \"what\": \"\", \"seen\": \"s\", \"year\": 2024 }", "evidence[0]")]
    [InlineData("{ \"covers\": [\"list\"], \"what\": \"w\", \"seen\": \" \", \"year\": 2024 }", "evidence[0]")]
    [InlineData("{ \"covers\": [\"list\"], \"what\": \"w\", \"seen\": \"s\" }", "evidence[0].year")]
    public void Parse_BadEvidence_NamesField(string evidence, string field)
    {
        var json = "{\n  \"sources\": [\n    { \"id\": \"a\", \"media\": \"A\", \"hosts\": [\"a.cn\"] },\n" +
                   $"    {{ \"id\": \"b\", \"media\": \"B\", \"hosts\": [\"b.cn\"], \"evidence\": [ {evidence} ] }}\n  ]\n}}";

        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalogLoader.Parse(json, Origin));

        Assert.Equal(4, error.Line);
        Assert.Equal($"$.sources[1].{field}", error.Field);
    }

    [Fact]
    public void Parse_Evidence_ReadsEveryMember()
    {
        const string json = """
            { "sources": [ { "id": "a", "media": "A", "hosts": ["a.cn"], "evidence": [
              { "covers": ["list", "canonical"], "what": "rows ul.x li", "seen": "owner/repo lib/a.ts", "year": 2024 } ] } ] }
            """;

        var evidence = Assert.Single(SourceCatalogLoader.Parse(json, Origin).Sources[0].Evidence);

        Assert.Equal(["list", "canonical"], evidence.Covers);
        Assert.Equal("rows ul.x li", evidence.What);
        Assert.Equal("owner/repo lib/a.ts", evidence.Seen);
        Assert.Equal(2024, evidence.Year);
    }

    [Fact]
    public void Parse_BadRewritePattern_NamesField()
    {
        const string json = "{\n  \"sources\": [\n    { \"id\": \"a\", \"media\": \"A\", \"hosts\": [\"a.cn\"],\n      \"canonical\": { \"rewrite\": [ { \"pattern\": \"(\", \"replacement\": \"x\" } ] } }\n  ]\n}";

        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalogLoader.Parse(json, Origin));

        Assert.Equal(3, error.Line);
        Assert.Equal("$.sources[0].canonical.rewrite[0].pattern", error.Field);
    }

    [Fact]
    public void Parse_JsonPostListWithTemplatePaging_Loads()
    {
        const string json = """
            { "sources": [ { "id": "a", "media": "A", "hosts": ["a.cn"],
              "list": { "kind": "json", "startUrls": ["https://a.cn/api/list"], "method": "POST", "body": "{\"page\":{page}}",
                        "items": "/data", "fields": { "title": "/t", "url": "/u", "date": "/d" },
                        "paging": { "template": "https://a.cn/api/list", "maxPages": 5 } } } ] }
            """;

        var list = SourceCatalogLoader.Parse(json, Origin).Sources[0].List!;

        Assert.True(list.IsPost);
        Assert.Equal("/data", list.Items);
        Assert.Equal((2, 5), (list.Paging!.First, list.Paging.MaxPages));
    }
}
