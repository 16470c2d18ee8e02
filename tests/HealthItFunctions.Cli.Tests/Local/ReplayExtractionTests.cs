using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthItFunctions.Cli.Tests.Local;

/// <summary>
/// The replay's detail pages, fetched from the running server and read by the product's ArticleReader as built in DI:
/// if these fail, the pages are unlike the real sites (fix the page, not the extractor).
/// </summary>
public sealed class ReplayExtractionTests(ReplayFixture replay) : IClassFixture<ReplayFixture>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset FetchedAt = new(2021, 9, 2, 9, 0, 0, Beijing);

    [Theory]
    [InlineData("https://www.hit180.com/52842.html", "北京协和医院付海鸿：寄望AI PACS能“解放”疲惫不堪的放射科", "2021-08-15", "HIT专家网", "放射科医生需要的临床体验")]
    [InlineData("https://www.hit180.com/52673.html", "北京协和医院发布全国首部互联网医院管理技术规范", "2021-08-03", "HIT专家网", "互联网医院高质量发展高峰论坛")]
    [InlineData("https://new.qq.com/omn/20210901/20210901A03Q6K00.html", "北京市出生医学证明——无需往返医院，可线上申领", "2021-09-01", "孕育妈咪圈", "出生医学证明是孩子人生第一证")]
    [InlineData("https://www.bjzhongyi.com/gzb_yyxw_detail/9051.html", "我为群众办实事 | 开诊 4 个月，北京首家互联网中医医院有哪些变化？", "2021-08-25", "北京中医医院", "北京市首家中医互联网医院")]
    public async Task Read_IssueFortyOneDetailPage_YieldsTitleBeijingDateAndPublisher(string url, string title, string date, string publisher, string bodyText)
    {
        var (bytes, contentType) = await replay.GetBytesAsync(url);

        var result = CreateReader().Read(bytes, contentType, new Uri(url), FetchedAt);

        var article = Assert.IsType<ExtractedArticle>(result.Article);
        Assert.Equal(title, article.Title);
        Assert.Equal(date, BeijingDate(article));
        Assert.Equal(publisher, article.Publisher);
        Assert.Contains(bodyText, article.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("版权所有", article.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ReprintOnWjw_KeepsItsOwnTitleAndNamesHit180AsSource()
    {
        const string url = "http://wjw.beijing.gov.cn/xwzx_20031/mtjj/202108/t20210804_2461937.html";
        var (bytes, contentType) = await replay.GetBytesAsync(url);

        var article = Assert.IsType<ExtractedArticle>(CreateReader().Read(bytes, contentType, new Uri(url), FetchedAt).Article);

        Assert.Equal("北京协和医院发布首部互联网医院管理技术规范", article.Title);
        Assert.Equal("HIT专家网", article.Publisher);
        Assert.Equal("北京市卫生健康委员会", article.Media);
        Assert.Contains("互联网医院高质量发展高峰论坛", article.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_GbkPage_YieldsChineseTitleWithoutReplacementCharacters()
    {
        const string url = "http://tech.sina.com.cn/roll/2021-08-16/doc-ikqciyzm2175532.shtml";
        var (bytes, contentType) = await replay.GetBytesAsync(url);

        var article = Assert.IsType<ExtractedArticle>(CreateReader().Read(bytes, contentType, new Uri(url), FetchedAt).Article);

        Assert.Equal("浙江“健康码”再升级：电子健康卡、医保码实现“多码融合”", article.Title);
        Assert.Equal(new DateTimeOffset(2021, 8, 16, 14, 22, 0, Beijing), article.PublishTime?.Value);
        Assert.DoesNotContain('\uFFFD', article.Content);
    }

    /// <summary>
    /// The distractors must carry the dates their lists show, or month filtering is not what the demo exercises
    /// (the July items must read as July, the truncated page must still be dated).
    /// </summary>
    [Theory]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210820_2472655.html", "2021-08-20")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202108/t20210812_2468310.html", "2021-08-12")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202107/t20210729_2452108.html", "2021-07-29")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/jcdt/202108/t20210817_2470115.html", "2021-08-17")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/mtjj/202108/t20210808_2464020.html", "2021-08-08")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/mtjj/202108/t20210804_2461937.html", "2021-08-04")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/rdxws/202108/t20210823_2473390.html", "2021-08-23")]
    [InlineData("http://www.gov.cn/xinwen/2021-08/19/content_5632158.htm", "2021-08-19")]
    [InlineData("http://www.gov.cn/xinwen/2021-07/30/content_5628431.htm", "2021-07-30")]
    [InlineData("http://www.gov.cn/xinwen/2021-08/25/content_5633311.htm", "2021-08-25")]
    [InlineData("http://www.bj.chinanews.com/news/2021/0826/83590.htm", "2021-08-26")]
    [InlineData("http://www.bj.chinanews.com/news/2021/0818/83412.htm", "2021-08-18")]
    [InlineData("http://www.bj.chinanews.com/news/2021/0729/82876.htm", "2021-07-29")]
    [InlineData("https://tech.sina.com.cn/roll/2021-08-11/doc-ikqcfnca0849316.shtml", "2021-08-11")]
    [InlineData("https://new.qq.com/omn/20210808/20210808A02B7X00.html", "2021-08-08")]
    [InlineData("https://www.bjzhongyi.com/gzb_yyxw_detail/9047.html", "2021-08-19")]
    [InlineData("https://www.bjzhongyi.com/gzb_yyxw_detail/9032.html", "2021-07-30")]
    [InlineData("https://www.pumch.cn/detail/24311.html", "2021-08-13")]
    [InlineData("https://www.hit180.com/52790.html", "2021-08-10")]
    [InlineData("https://www.hit180.com/52590.html", "2021-07-28")]
    public async Task Read_DistractorPage_YieldsAnArticleWithTheListedBeijingDate(string url, string date)
    {
        var (bytes, contentType) = await replay.GetBytesAsync(url);

        var article = Assert.IsType<ExtractedArticle>(CreateReader().Read(bytes, contentType, new Uri(url), FetchedAt).Article);

        Assert.Equal(date, BeijingDate(article));
    }

    /// <summary>ArticleReader exactly as the hosts build it: AddArticleExtraction over the repository's seeds file.</summary>
    private static ArticleReader CreateReader()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Extraction:SourcesPath"] = Path.Combine(RepositoryPaths.Root, "seeds", "sources.json") })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(FetchedAt))
            .AddArticleExtraction()
            .AddSingleton<ISourceCatalog>(sp => new FileSourceCatalog(sp.GetRequiredService<SourceCatalog>()));
        return services.BuildServiceProvider().GetRequiredService<ArticleReader>();
    }

    private static string? BeijingDate(ExtractedArticle article) =>
        article.PublishTime?.Value.ToOffset(Beijing).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
