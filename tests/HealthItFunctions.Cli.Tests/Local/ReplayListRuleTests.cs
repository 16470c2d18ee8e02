using System.Text.RegularExpressions;
using System.Xml.Linq;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Cli.Tests.Local;

/// <summary>
/// The list side of seeds/sources.json against the replay's list pages: each rule finds exactly the articles the page
/// lists, and every article it finds is served.
/// </summary>
public sealed class ReplayListRuleTests(ReplayFixture replay) : IClassFixture<ReplayFixture>
{
    private const string BrokenPage = "https://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210827_2476201.html";

    public static TheoryData<string, string[]> ExpectedLinks => new()
    {
        {
            "wjw-beijing",
            [
                "https://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210827_2476201.html",
                "https://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210820_2472655.html",
                "https://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210812_2468310.html",
                "https://wjw.beijing.gov.cn/xwzx_20031/wnxw/202107/t20210729_2452108.html",
                "https://wjw.beijing.gov.cn/xwzx_20031/jcdt/202108/t20210817_2470115.html",
                "https://wjw.beijing.gov.cn/xwzx_20031/mtjj/202108/t20210808_2464020.html",
                "https://wjw.beijing.gov.cn/xwzx_20031/mtjj/202108/t20210804_2461937.html",
                "https://wjw.beijing.gov.cn/xwzx_20031/rdxws/202108/t20210823_2473390.html",
            ]
        },
        {
            "gov-cn",
            [
                // 要闻 is read from its JSON list (the json kind), not this HTML list.
                "https://www.gov.cn/xinwen/2021-08/25/content_5633311.htm",
            ]
        },
        {
            "chinanews-bj",
            [
                "http://www.bj.chinanews.com/news/2021/0826/83590.htm",
                "http://www.bj.chinanews.com/news/2021/0818/83412.htm",
                "http://www.bj.chinanews.com/news/2021/0729/82876.htm",
            ]
        },
        {
            "bjzhongyi",
            [
                "https://www.bjzhongyi.com/gzb_yyxw_detail/9051.html",
                "https://www.bjzhongyi.com/gzb_yyxw_detail/9047.html",
                "https://www.bjzhongyi.com/gzb_yyxw_detail/9032.html",
            ]
        },
        { "pumch", ["https://www.pumch.cn/detail/24311.html"] },
    };

    [Fact]
    public void ExpectedLinks_CoverEveryEnabledHtmlListSource()
    {
        var htmlLists = ReplayFixture.Seeds().Sources.Where(s => s is { IsPollable: true, List.Kind: ListKind.HtmlList }).Select(s => s.Id);

        Assert.Equal(htmlLists.Order(), ExpectedLinks.Select(row => (string)row.Data.Item1).Order());
    }

    [Theory]
    [MemberData(nameof(ExpectedLinks))]
    public async Task ListRules_ReplayListPages_FindExactlyTheListedArticles(string sourceId, string[] expected)
    {
        var links = await FindLinksAsync(Source(sourceId));

        Assert.Equal(expected.Order(), links.Distinct().Order());
    }

    [Fact]
    public async Task ListRules_WjwRows_ReadTheRowDate()
    {
        var rules = Source("wjw-beijing").List!;
        var (bytes, _) = await replay.GetBytesAsync(rules.StartUrls[0]);
        var document = HtmlDom.Parse(System.Text.Encoding.UTF8.GetString(bytes));

        var rows = document.DocumentNode.SelectNodes(rules.Rows!) ?? throw new InvalidOperationException("wjw-beijing rows matched nothing");
        var dates = rows.Select(row => row.SelectSingleNode(rules.Date!)?.InnerText.Trim()).ToList();

        Assert.Equal(["2021-08-27", "2021-08-20", "2021-08-12", "2021-07-29"], dates);
    }

    [Fact]
    public async Task FeedRule_Hit180Feed_ListsBothIssueArticlesAmongFour()
    {
        var links = await FindLinksAsync(Source("hit180"));

        Assert.Equal(4, links.Count);
        Assert.Contains(links, l => l.StartsWith("https://www.hit180.com/52842.html?utm_source=rss", StringComparison.Ordinal));
        Assert.Contains("https://www.hit180.com/52673.html", links);
    }

    [Fact]
    public async Task ListRules_EveryFoundArticle_IsServedExceptTheBrokenOne()
    {
        foreach (var source in ReplayFixture.Seeds().Sources.Where(s => s.IsPollable))
        {
            foreach (var link in await FindLinksAsync(source))
            {
                using var response = await replay.SendAsync(link);

                var expected = link == BrokenPage ? 500 : 200;
                Assert.True((int)response.StatusCode == expected, $"{source.Id}: {link} answered {(int)response.StatusCode}, expected {expected}");
            }
        }
    }

    private static SourceDefinition Source(string id) => ReplayFixture.Seeds().Sources.Single(s => s.Id == id);

    /// <summary>A minimal reading of a list rule (the product's list reader lives in the pipeline): rows, link, URL pattern.</summary>
    private async Task<List<string>> FindLinksAsync(SourceDefinition source)
    {
        var rules = source.List!;
        var pattern = rules.UrlPattern is null ? null : new Regex(rules.UrlPattern, RegexOptions.CultureInvariant);
        var links = new List<string>();
        foreach (var start in rules.StartUrls)
        {
            var (bytes, _) = await replay.GetBytesAsync(start);
            var found = rules.Kind == ListKind.Rss ? FeedLinks(bytes) : HtmlLinks(bytes, rules);
            links.AddRange(found
                .Select(href => new Uri(new Uri(start), href).AbsoluteUri)
                .Where(url => pattern is null || pattern.IsMatch(url)));
        }

        return links;
    }

    private static IEnumerable<string> FeedLinks(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream).Descendants("item").Select(item => (string?)item.Element("link")).OfType<string>().ToList();
    }

    private static IEnumerable<string> HtmlLinks(byte[] bytes, ListRules rules)
    {
        var document = HtmlDom.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        var rows = rules.Rows is null ? [document.DocumentNode] : document.DocumentNode.SelectNodes(rules.Rows).ToList();
        var anchors = rules.Rows is null
            ? rows.SelectMany(r => r.SelectNodes(rules.Link))
            : rows.Select(r => r.SelectSingleNode(rules.Link)).OfType<DomNode>();
        return anchors.Select(a => a.GetAttributeValue("href", "")).Where(h => h.Length > 0);
    }
}
