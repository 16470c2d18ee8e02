using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

public sealed class SourceCatalogTests
{
    [Fact]
    public void Load_SeedsFile_HasEveryTargetSiteWithBulletinMediaName()
    {
        var catalog = Fixture.SeedsCatalog();

        var media = catalog.Sources.Select(s => s.Media).ToList();

        Assert.Contains("HIT专家网", media);
        Assert.Contains("北京市卫生健康委员会", media);
        Assert.Contains("卫生健康委网站", media);
        Assert.Contains("中国新闻网", media);
        Assert.Contains("新浪科技", media);
        Assert.Contains("北京中医医院", media);
        Assert.Contains("北京协和医院", media);
        Assert.Contains(catalog.Sources, s => s.Hosts.Contains("mp.weixin.qq.com"));
        Assert.Contains(catalog.Sources, s => s.Hosts.Contains("new.qq.com"));
    }

    [Theory]
    [InlineData("https://www.hit180.com/52842.html", "hit180")]
    [InlineData("https://hit180.com/52842.html", "hit180")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202103/t20210326_2323808.html", "wjw-beijing")]
    [InlineData("http://www.gov.cn/xinwen/2021-03/23/content_5595186.htm", "gov-cn")]
    [InlineData("https://mp.weixin.qq.com/s/abc", "wechat")]
    public void Match_TargetUrl_ReturnsItsSource(string url, string expectedId)
    {
        var catalog = Fixture.SeedsCatalog();

        var source = catalog.Match(new Uri(url));

        Assert.Equal(expectedId, source?.Id);
    }

    [Theory]
    [InlineData("https://www.example.com/a.html")]
    [InlineData("https://evilhit180.com/a.html")]
    public void Match_OtherHost_ReturnsNull(string url)
    {
        var catalog = Fixture.SeedsCatalog();

        var source = catalog.Match(new Uri(url));

        Assert.Null(source);
    }

    [Fact]
    public void Parse_InvalidXPath_ThrowsNamingTheSource()
    {
        const string json = """{"version":1,"sources":[{"id":"bad","media":"坏","hosts":["a.cn"],"detail":{"title":["//h1[("]}}]}""";

        var error = Assert.Throws<InvalidDataException>(() => SourceCatalog.Parse(json));

        Assert.Contains("bad", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SourceWithoutHosts_Throws()
    {
        const string json = """{"version":1,"sources":[{"id":"x","media":"某网","hosts":[]}]}""";

        Assert.Throws<InvalidDataException>(() => SourceCatalog.Parse(json));
    }
}
