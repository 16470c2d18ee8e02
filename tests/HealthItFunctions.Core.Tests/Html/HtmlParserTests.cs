using System.Text;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Tests.Html;

public sealed class HtmlParserTests
{
    [Theory]
    [InlineData("unclosed-paragraphs.html", """div(p("第一段") p("第二段") div("块") p("第三段") table(tr(td("格"))))""")]
    [InlineData("list-items.html", """ul(li("甲") li("乙" ul(li("丙"))) li("丁")) ol(li("一" div) li("二"))""")]
    [InlineData("table-cells.html", """table(thead(tr(th("a") th("b"))) tbody(tr(td("c") td("d")) tr(td("e" table(tr(td("f")))) td("g"))))""")]
    [InlineData("stray-end-tags.html", """div("前" "后") span("尾")""")]
    [InlineData("misnested-end-tags.html", "div(b(i(\"粗斜\"))) \"外\" font(p(\"段\")) \"仍在段中\"")]
    [InlineData("void-and-self-closing.html", "p(\"行一\" br \"行二\" br \"行三\" img \"图后\" span \"空\") hr \"分隔\"")]
    [InlineData("comments.html", """div("留")""")]
    [InlineData("implied-siblings.html", """a("一") a("二") dl(dt("名") dd("值") dt("名二") dd("值二")) select(option("甲") option("乙") optgroup(option("丙"))) h2("题") h3("副")""")]
    [InlineData("after-body.html", """html(head(meta) body(p("正文") div("尾巴")))""")]
    public void Parse_TreeBuildingFixture_BuildsTheTreeBrowsersBuild(string fixture, string expected)
    {
        var dom = HtmlDom.Parse(Read(fixture));

        Assert.Null(dom.OverLimits);
        Assert.Equal(expected, Outline(dom.DocumentNode));
    }

    [Fact]
    public void Parse_RawTextElements_KeepTheirContentAsOneTextNode()
    {
        var dom = HtmlDom.Parse(Read("raw-text.html"));

        var scripts = dom.DocumentNode.Descendants().Where(n => n.Name == "script").ToList();
        Assert.Equal(2, scripts.Count);
        Assert.Equal("""if (a<b && c) { document.write("<div>"); x = "</div>"; }""", scripts[0].InnerText);
        Assert.Equal("""var y = "</scr" + "ipt>";""", scripts[1].InnerText);
        Assert.Equal("p > a { color: red }", dom.DocumentNode.SelectSingleNode("//style")!.InnerText);
        Assert.Equal("A & B", dom.DocumentNode.SelectSingleNode("//title")!.InnerText);
        Assert.Equal("<b>", dom.DocumentNode.SelectSingleNode("//textarea")!.InnerText);
        Assert.Equal("""html-less(head(title style script) body(div("正文") textarea script "后"))""", "html-less(" + Outline(dom.DocumentNode, rawText: false) + ")");
    }

    [Theory]
    [InlineData("&amp;&lt;&gt;&quot;&#39;", "&<>\"'")]
    [InlineData("&#21307;&#x9662;", "医院")]
    [InlineData("甲&nbsp;乙", "甲\u00A0乙")]
    [InlineData("&copy; 2026 &mdash; &hellip;", "© 2026 — …")]
    [InlineData("AT&T &unknown; & done", "AT&T &unknown; & done")]
    public void Text_CharacterReferences_DecodedWhenRead(string html, string expected)
    {
        var dom = HtmlDom.Parse("<p>" + html + "</p>");

        Assert.Equal(expected, dom.DocumentNode.FirstChild!.InnerText);
    }

    [Fact]
    public void GetAttributeValue_QuotedUnquotedBareAndDuplicate_ReadLikeABrowser()
    {
        var dom = HtmlDom.Parse("<DIV CLASS=Lead id='x' title=\"A &amp; B\" hidden data-src = a.png class=second>t</DIV>");

        var div = dom.DocumentNode.FirstChild!;
        Assert.Equal("div", div.Name);
        Assert.Equal("Lead", div.GetAttributeValue("class", null));
        Assert.Equal("x", div.Id);
        Assert.Equal("A & B", div.Attributes["title"]?.Value);
        Assert.Equal(string.Empty, div.GetAttributeValue("hidden", null));
        Assert.Equal("a.png", div.GetAttributeValue("data-src", null));
        Assert.Null(div.GetAttributeValue("style", null));
        Assert.Equal(6, div.Attributes.Count);
    }

    [Theory]
    [InlineData("<p>a < b and c <3</p>", "a < b and c <3")]
    [InlineData("<p>x</p><div class=\"never closed>lost", "x")]
    [InlineData("<p>x</p><", "x<")]
    [InlineData("<p>x</ p>y", "xy")]
    public void Parse_MalformedMarkup_KeepsTheReadableText(string html, string expected)
    {
        var dom = HtmlDom.Parse(html);

        Assert.Equal(expected, dom.DocumentNode.InnerText);
    }

    [Fact]
    public void Parse_NestingBeyondMaxDepth_StopsWithTheReason()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "深";

        var dom = HtmlDom.Parse(html);

        Assert.Contains("MarkupLimits.MaxDepth", dom.OverLimits, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreElementsThanTheLimit_StopsWithTheReason()
    {
        var dom = HtmlParser.Parse(string.Concat(Enumerable.Repeat("<br>", 200)), new MarkupLimits(MaxDepth: 10, MaxElements: 100, MaxNestingWork: 1000));

        Assert.Contains("MarkupLimits.MaxElements", dom.OverLimits, StringComparison.Ordinal);
        Assert.Equal(100, dom.ElementCount);
    }

    [Fact]
    public void Parse_StrayEndTagsUnderDeepNesting_FinishesWithinLimits()
    {
        // Each stray end tag is refused by the open-element counts, not by a search down 900 open elements.
        var html = string.Concat(Enumerable.Repeat("<div>", 900)) + string.Concat(Enumerable.Repeat("</span>", 200_000)) + "文";

        var dom = HtmlDom.Parse(html);

        Assert.Null(dom.OverLimits);
        Assert.Equal("文", dom.DocumentNode.InnerText);
    }

    [Fact]
    public void Descendants_NestingAtTheDepthLimit_WalksWithoutRecursion()
    {
        var depth = MarkupLimits.Default.MaxDepth;
        var html = string.Concat(Enumerable.Repeat("<span>", depth)) + "底";
        IReadOnlyList<DomNode>? found = null;
        var thread = new Thread(() => found = HtmlDom.Parse(html).DocumentNode.SelectNodes("//span[not(span)]"), maxStackSize: 256 * 1024);

        thread.Start();
        thread.Join();

        Assert.Equal("底", Assert.Single(found!).InnerText);
    }

    [Fact]
    public void Remove_ElementWithSiblings_DetachesOnlyIt()
    {
        var dom = HtmlDom.Parse("<div><p>a</p><p class=ad>b</p><p>c</p></div>");

        dom.DocumentNode.SelectSingleNode("//p[@class='ad']")!.Remove();

        Assert.Equal("""div(p("a") p("c"))""", Outline(dom.DocumentNode));
    }

    [Fact]
    public void GetElementById_DuplicateIds_ReturnsTheFirst()
    {
        var dom = HtmlDom.Parse("<div id=js_content>一</div><div id=js_content>二</div>");

        Assert.Equal("一", dom.GetElementById("js_content")!.InnerText);
        Assert.Null(dom.GetElementById("JS_CONTENT"));
    }

    internal static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Html", "Fixtures", name)).TrimEnd('\n');

    /// <summary>The tree as name(children…); text nodes quoted, whitespace-only text left out.</summary>
    internal static string Outline(DomNode node, bool rawText = true)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == DomNodeType.Text)
            {
                if (string.IsNullOrWhiteSpace(child.Text) || (!rawText && child.ParentNode!.Name is "script" or "style" or "title" or "textarea"))
                {
                    continue;
                }

                text.Append(first ? "" : " ").Append('"').Append(child.Text).Append('"');
            }
            else
            {
                text.Append(first ? "" : " ").Append(child.Name);
                if (child.HasChildNodes && Outline(child, rawText) is { Length: > 0 } inner)
                {
                    text.Append('(').Append(inner).Append(')');
                }
            }

            first = false;
        }

        return text.ToString();
    }
}
