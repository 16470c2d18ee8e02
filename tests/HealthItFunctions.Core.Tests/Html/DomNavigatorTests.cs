using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Tests.Html;

public sealed class DomNavigatorTests
{
    private const string ListPage = """
        <html><head><meta name="publishdate" content="2026-12-01"><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
        <body><div class="list main"><ul><li><a href="/a/1.html" title="一">第一篇</a><span>2026-12-01</span>
        <li><a href="/a/2.html">第二篇</a><span>2026-12-02</span></ul></div>
        <div class="pages"><a href="?p=2">下一页</a></div></body></html>
        """;

    [Theory]
    [InlineData("//div[@class='list main']/ul/li/a", 2)]
    [InlineData("//*[contains(concat(' ', normalize-space(@class), ' '), ' list ')]//a", 2)]
    [InlineData("//ul/li[2]/a", 1)]
    [InlineData("//a[@href and @title]", 1)]
    [InlineData("//a[contains(text(),'下一页')]", 1)]
    [InlineData("//link[@href and @type]", 1)]
    [InlineData("//li/span | //li/a", 4)]
    [InlineData("//table", 0)]
    public void SelectNodes_CatalogShapedXPath_MatchesElements(string xpath, int expected)
    {
        var dom = HtmlDom.Parse(ListPage);

        Assert.Equal(expected, dom.DocumentNode.SelectNodes(xpath).Count);
    }

    [Fact]
    public void SelectNodes_Union_ReturnsDocumentOrder()
    {
        var dom = HtmlDom.Parse(ListPage);

        var texts = dom.DocumentNode.SelectNodes("//li/span | //li/a").Select(n => n.InnerText);

        Assert.Equal(["第一篇", "2026-12-01", "第二篇", "2026-12-02"], texts);
    }

    [Fact]
    public void SelectNodes_RelativeToARow_StaysInsideTheRow()
    {
        var dom = HtmlDom.Parse(ListPage);
        var rows = dom.DocumentNode.SelectNodes("//ul/li");

        var dates = rows.Select(row => row.SelectSingleNode("./span")!.InnerText);

        Assert.Equal(["2026-12-01", "2026-12-02"], dates);
    }

    [Fact]
    public void SelectNodes_AttributeStep_SelectsItsElement()
    {
        var dom = HtmlDom.Parse(ListPage);

        var meta = Assert.Single(dom.DocumentNode.SelectNodes("//meta[@name='publishdate']/@content"));

        Assert.Equal("2026-12-01", meta.GetAttributeValue("content", null));
    }

    [Fact]
    public void SelectNodes_MalformedXPath_Throws()
    {
        var dom = HtmlDom.Parse(ListPage);

        Assert.ThrowsAny<System.Xml.XPath.XPathException>(() => dom.DocumentNode.SelectNodes("//div[@class="));
    }
}
