using System.Text;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Tests.Bulletins;

public sealed class HtmlBulletinRendererTests
{
    [Theory]
    [MemberData(nameof(Bulletins.GoldenIssues), MemberType = typeof(Bulletins))]
    public void Render_ReferenceIssueItems_VisibleTextMatchesReferenceLineByLine(string fileName)
    {
        var reference = ReferenceBulletin.Load(fileName);

        var html = Bulletins.Html().Render(Bulletins.Compose(reference));

        BulletinLines.AssertSame(reference.Lines, BulletinLines.OfHtml(html), fileName);
    }

    [Fact]
    public void Render_TitleWithScriptAndAmpersand_EscapedEverywhere()
    {
        var text = Render(Bulletins.Hostile);

        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; 北京 &amp; “互联网+” &lt;b&gt;", text, StringComparison.Ordinal);
        Assert.Contains("媒体 &lt;i&gt;&amp;&lt;/i&gt;", text, StringComparison.Ordinal);
        Assert.Contains("正文 &lt;script&gt;x&lt;/script&gt; &amp; 更多", text, StringComparison.Ordinal);
        Assert.Contains("第二段 &quot;引号&quot; &#39;single&#39;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TitleWithScriptAndAmpersand_ReadsBackAsLiteralText()
    {
        var page = Load(Bulletins.Hostile);

        Assert.Empty(page.DocumentNode.SelectNodes("//script"));
        var heading = page.DocumentNode.SelectSingleNode("//h3")!;
        Assert.Equal("1. 标题：" + Bulletins.Hostile.Title, heading.InnerText);
    }

    [Fact]
    public void Render_TocEntries_LinkToTheirSectionAnchors()
    {
        var items = new[]
        {
            new BulletinItem("甲", "媒体甲", "https://a.example/1", null, ["一"]),
            new BulletinItem("乙", "媒体乙", "https://b.example/2", null, ["二"]),
        };

        var page = Load(items);

        var tocLinks = page.DocumentNode.SelectNodes("//a[starts-with(@href,'#')]")!;
        Assert.Equal(["#item-1", "#item-2"], tocLinks.Select(a => a.GetAttributeValue("href", "")));
        foreach (var link in tocLinks)
        {
            var id = link.GetAttributeValue("href", "")[1..];
            var section = page.DocumentNode.SelectSingleNode($"//*[@id='{id}']");
            Assert.NotNull(section);
            Assert.NotNull(section.SelectSingleNode($"a[@name='{id}']"));
            Assert.Contains(link.InnerText[3..], section.InnerText, StringComparison.Ordinal);
        }

        var external = page.DocumentNode.SelectNodes("//a[starts-with(@href,'http')]")!.Select(a => a.GetAttributeValue("href", ""));
        Assert.Equal(["https://a.example/1", "https://b.example/2"], external);
    }

    [Fact]
    public void Render_NonHttpUrl_ShownNotLinked()
    {
        var page = Load(new BulletinItem("t", "m", "javascript:alert(1)", null, []));

        Assert.Null(page.DocumentNode.SelectSingleNode("//a[contains(@href,'javascript')]"));
        Assert.Contains("链接：javascript:alert(1)", page.DocumentNode.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnyDocument_EmailSafeMarkup()
    {
        var text = Render(new BulletinItem("t", "m", "https://a.example/", null, ["p"]));
        var page = Load(new BulletinItem("t", "m", "https://a.example/", null, ["p"]));

        // Mail clients drop <style> and <link>: all styling must be inline.
        Assert.Null(page.DocumentNode.SelectSingleNode("//style|//link|//script"));
        Assert.All(page.DocumentNode.SelectNodes("//body//p|//body//h1|//body//h2|//body//h3")!, n => Assert.NotEmpty(n.GetAttributeValue("style", "")));
        Assert.Contains("max-width:680px", text, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\"", text, StringComparison.Ordinal);
        Assert.Contains("'Noto Sans CJK SC'", text, StringComparison.Ordinal);
        Assert.Contains("'Microsoft YaHei'", text, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", text, StringComparison.Ordinal);
    }

    private static string Render(params BulletinItem[] items) =>
        Encoding.UTF8.GetString(Bulletins.Html().Render(Bulletins.Compose(BulletinMonth.Parse("2021-08"), items)));

    private static HtmlDom Load(params BulletinItem[] items)
    {
        var page = HtmlDom.Parse(Render(items));
        return page;
    }
}
