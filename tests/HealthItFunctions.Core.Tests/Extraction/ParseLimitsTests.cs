using System.Diagnostics;
using System.Text;
using HealthItFunctions.Core.Extraction;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Tests.Extraction;

public sealed class ParseLimitsTests(ITestOutputHelper output)
{
    private const string Paragraph = "<p>本市多家医院近日完成信息系统升级，实现了电子病历、检查检验结果在区域内的互认共享，患者就医体验明显改善。</p>";

    [Theory]
    [InlineData("div", 50_000)]
    [InlineData("span", 50_000)]
    [InlineData("font", 50_000)]
    public void Extract_LinkHoldingTensOfThousandsOfNestedElements_OverLimitsWithoutOverflow(string tag, int depth)
    {
        var html = Page($"<a href=\"/x\">{Repeat($"<{tag}>", depth)}链接{Repeat($"</{tag}>", depth)}</a>");

        var result = Timed(() => Fixture.Extractor().Extract(new HtmlPage(html, new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt)));

        Assert.Equal(NotArticleReason.OverLimits, result.Reason);
        Assert.Contains("nest", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TwoMegabytesOfUnclosedNesting_OverLimitsInBoundedWork()
    {
        // 2 MB under the 5 MB input cap: once parsing took minutes. Repeated shallow-enough subtrees, so only the work limit can catch it.
        var block = Repeat("<div>", 900) + "正文" + Repeat("</div>", 900);
        var html = Page(Repeat(block, 2 * 1024 * 1024 / block.Length));

        var result = Timed(() => Fixture.Extractor().Extract(new HtmlPage(html, null, Fixture.FetchedAt)));

        Assert.Equal(NotArticleReason.OverLimits, result.Reason);
    }

    [Fact]
    public void Extract_UnclosedParagraphsAndListItems_StillAnArticle()
    {
        // Old pages leave <p>, <li> and <td> open; the parser closes them, so they must not count as nesting.
        var body = Repeat("<p>本市多家医院近日完成信息系统升级，实现了电子病历、检查检验结果在区域内的互认共享，患者就医体验明显改善。", 1500)
            + Repeat("<li>列表", 1500);
        var html = $"<html><head><title>医院信息化建设新进展</title></head><body><h1>医院信息化建设新进展</h1><div class=\"content\">{body}</div></body></html>";

        var result = Fixture.Extractor().Extract(new HtmlPage(html, null, Fixture.FetchedAt));

        Assert.True(result.IsArticle, result.Detail);
    }

    [Fact]
    public void Extract_NestingAtTheLimit_RunsOnAOneMegabyteStack()
    {
        // Just under the depth limit, every recursive walk left in the parser and the layers must fit a small thread stack.
        var depth = MarkupLimits.Default.MaxDepth - 10;
        var html = Page(Repeat("<div>", depth) + Repeat(Paragraph, 10) + Repeat("</div>", depth));
        ExtractionResult? result = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = Fixture.Extractor().Extract(new HtmlPage(html, null, Fixture.FetchedAt));
            }
            catch (Exception e)
            {
                error = e;
            }
        }, maxStackSize: 1024 * 1024);

        thread.Start();
        thread.Join();

        Assert.Null(error);
        Assert.NotEqual(NotArticleReason.OverLimits, result!.Reason);
    }

    [Fact]
    public void Read_PageOverMaxInputBytes_OverLimitsBeforeDecoding()
    {
        var reader = new ArticleReader(Fixture.Extractor(), Options.Create(new ExtractionOptions { MaxInputBytes = 1000 }));
        var bytes = Encoding.UTF8.GetBytes(Page(Repeat(Paragraph, 20)));

        var result = reader.Read(bytes, "text/html; charset=utf-8");

        Assert.Equal(NotArticleReason.OverLimits, result.Reason);
        Assert.Contains("Extraction:MaxInputBytes", result.Detail, StringComparison.Ordinal);
    }

    private ExtractionResult Timed(Func<ExtractionResult> extract)
    {
        var watch = Stopwatch.StartNew();
        var result = extract();
        output.WriteLine($"{watch.ElapsedMilliseconds} ms: {result.Reason} {result.Detail}");
        return result;
    }

    private static string Page(string body) =>
        $"<html><head><title>医院信息化建设新进展</title></head><body><h1>医院信息化建设新进展</h1>{body}</body></html>";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
