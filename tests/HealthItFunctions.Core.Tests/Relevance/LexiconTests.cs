using HealthItFunctions.Core.Relevance;

namespace HealthItFunctions.Core.Tests.Relevance;

public sealed class LexiconTests
{
    [Fact]
    public void Load_SeedsFile_HasTheThreeAxesWithIssueTerms()
    {
        var lexicon = LabelledSet.SeedsLexicon();

        Assert.Equal(["health", "informatization", "beijing"], lexicon.Axes.Select(a => a.Name));
        var informatization = lexicon.Axes[1].Terms.Select(t => t.Text).ToHashSet();
        Assert.Superset(new HashSet<string> { "信息化", "互联网医院", "互联网诊疗", "智慧医疗", "5g", "人工智能", "ai", "大数据", "电子病历", "远程", "网络安全", "数据", "平台", "数字化", "电子证照", "等保" }, informatization);
        var beijing = lexicon.Axes[2].Terms.Select(t => t.Text).ToHashSet();
        Assert.Superset(new HashSet<string> { "北京", "京", "协和", "北京医院", "积水潭", "北京中医医院", "北京通" }, beijing);
        Assert.True(lexicon.TitleMultiplier > 1);
    }

    [Fact]
    public void Parse_FullWidthTerm_StoredNormalized()
    {
        var lexicon = Lexicon.Parse("""{"bands":{"include":0.5,"review":0.1},"axes":[{"name":"a","saturation":1,"terms":{"５Ｇ":1}}]}""");

        Assert.Equal("5g", Assert.Single(lexicon.Axes[0].Terms).Text);
    }

    [Theory]
    [InlineData("""{"axes":[{"name":"a","saturation":1,"terms":{"x":1}}]}""", "bands")]
    [InlineData("""{"bands":{"include":0.1,"review":0.5},"axes":[{"name":"a","saturation":1,"terms":{"x":1}}]}""", "bands")]
    [InlineData("""{"bands":{"include":0.5,"review":0.1},"axes":[]}""", "axes")]
    [InlineData("""{"bands":{"include":0.5,"review":0.1},"axes":[{"name":"a","saturation":0,"terms":{"x":1}}]}""", "saturation")]
    [InlineData("""{"bands":{"include":0.5,"review":0.1},"axes":[{"name":"a","saturation":1,"terms":{"x":-1}}]}""", "'x'")]
    [InlineData("""{"bands":{"include":0.5,"review":0.1},"axes":[{"name":"a","saturation":1,"terms":{"x":1},"ignore":["x"]}]}""", "more than once")]
    [InlineData("""{"bands":{"include":0.5,"review":0.1},"axes":[{"name":"a","saturation":1,"terms":{"x":1},"weight":3}]}""", "not valid JSON")]
    [InlineData("""{"titleMultiplier":0.5,"bands":{"include":0.5,"review":0.1},"axes":[{"name":"a","saturation":1,"terms":{"x":1}}]}""", "titleMultiplier")]
    public void Parse_InvalidLexicon_ThrowsNamingTheField(string json, string expectedInMessage)
    {
        var error = Assert.Throws<FormatException>(() => Lexicon.Parse(json));

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidFile_MessageNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lexicon-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{");
        try
        {
            var error = Assert.Throws<FormatException>(() => Lexicon.Load(path));

            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
