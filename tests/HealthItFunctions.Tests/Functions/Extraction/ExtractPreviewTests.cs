using System.Text;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Functions.Extraction;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moq;

namespace HealthItFunctions.Tests.Functions.Extraction;

public sealed class ExtractPreviewTests
{
    private static readonly ExtractedArticle Article = new()
    {
        Title = "北京市卫生健康委员会召开信息化工作会议",
        Paragraphs = ["会议部署了全市卫生健康信息化重点工作。"],
        Language = "zh-CN",
        Rules = new Dictionary<ArticleField, string> { [ArticleField.Title] = "test" },
    };

    // CallBase: the profiled Extract overload is a default interface method that forwards to Extract(page).
    private readonly Mock<IArticleExtractor> _extractor = new() { CallBase = true };

    [Fact]
    public async Task Run_GbkPageWithCharsetHeader_PassesDecodedTextAndUrlToTheExtractor()
    {
        HtmlPage? seen = null;
        _extractor.Setup(e => e.Extract(It.IsAny<HtmlPage>()))
            .Callback<HtmlPage>(page => seen = page)
            .Returns(ExtractionResult.Success(Article));
        var html = "<html><body><h1>北京卫生信息化</h1></body></html>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var request = Request(Encoding.GetEncoding("GB18030").GetBytes(html), "text/html; charset=gbk", "?url=https://wjw.beijing.gov.cn/a.html");

        var result = await Preview().Run(request, CancellationToken.None);

        var ok = Assert.IsType<Ok<ExtractedArticle>>(result);
        Assert.Same(Article, ok.Value);
        Assert.NotNull(seen);
        Assert.Contains("北京卫生信息化", seen.Html);
        Assert.Equal(new Uri("https://wjw.beijing.gov.cn/a.html"), seen.Url);
    }

    [Fact]
    public async Task Run_NotAnArticle_Returns422WithTheReason()
    {
        _extractor.Setup(e => e.Extract(It.IsAny<HtmlPage>()))
            .Returns(ExtractionResult.NotAnArticle(NotArticleReason.Blocked, "环境异常"));

        var result = await Preview()
            .Run(Request("<html>环境异常</html>"u8.ToArray()), CancellationToken.None);

        var rejected = Assert.IsAssignableFrom<IValueHttpResult>(result);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Contains("Blocked", rejected.Value!.ToString());
    }

    [Theory]
    [InlineData("?url=not-a-url")]
    [InlineData("?url=/relative/path.html")]
    public async Task Run_RelativeOrInvalidUrl_Returns400WithoutExtracting(string query)
    {
        var result = await Preview()
            .Run(Request("<html></html>"u8.ToArray(), query: query), CancellationToken.None);

        Assert.IsType<BadRequest<string>>(result);
        _extractor.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Run_EmptyBody_Returns400WithoutExtracting()
    {
        var result = await Preview()
            .Run(Request([]), CancellationToken.None);

        Assert.IsType<BadRequest<string>>(result);
        _extractor.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Run_BodyOverMaxInputBytes_Returns413WithoutExtracting()
    {
        var result = await Preview(maxInputBytes: 16).Run(Request(new byte[17], contentType: "text/html"), CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        _extractor.VerifyNoOtherCalls();
    }

    private ExtractPreview Preview(long maxInputBytes = 5 * 1024 * 1024) =>
        new(new ArticleReader(_extractor.Object), Options.Create(new ExtractionOptions { MaxInputBytes = maxInputBytes }));

    private static HttpRequest Request(byte[] body, string? contentType = "text/html", string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.QueryString = new QueryString(query);
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }
}
