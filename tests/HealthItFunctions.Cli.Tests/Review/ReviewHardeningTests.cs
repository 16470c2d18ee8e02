using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace HealthItFunctions.Cli.Tests.Review;

/// <summary>
/// Issue 19's review API findings, each against the app's functions on serve's host (real Kestrel and Azurite),
/// through the one web adapter: ids with a trailing newline, non-JSON bodies, bodies counted in bytes, the token,
/// and refusals that would reveal an internal address.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ReviewHardeningTests(ReviewHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ArticleHistory_IdWithTrailingNewline_Returns400NotA500()
    {
        var article = await host.SeedAsync(ReviewHostFixture.NewMonth(), "互联网医院");
        using var client = host.Client();

        using var response = await client.GetAsync($"/api/articles/{article.Id}%0A/history", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"id\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListArticles_MonthWithTrailingNewline_Returns400()
    {
        using var client = host.Client();

        using var response = await client.GetAsync($"/api/months/{ReviewHostFixture.NewMonth()}%0A/articles", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("bulletin/publish")]
    public async Task AddAndPublish_TextPlainBody_Returns415AndChangesNothing(string path)
    {
        var month = ReviewHostFixture.NewMonth();
        using var client = host.Client();

        using var response = await client.PostAsync($"/api/months/{month}/{path}",
            new StringContent("""{"url":"https://www.bjzhongyi.com/gzb_yyxw_detail/9051.html","confirm":true}""", Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await host.Articles.ListMonthAsync(month, Ct));
        Assert.DoesNotContain(host.Mail.Received, m => m.Subject?.Contains(month.ToString(), StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AddArticle_BodyUnderCapInCharactersButOverInBytes_Returns413()
    {
        // 30,000 CJK characters: under 64 KiB counted in characters, 90,000 bytes in UTF-8.
        var body = $$"""{"url":"https://example.org/{{new string('中', 30_000)}}"}""";
        Assert.True(body.Length < 64 * 1024 && Encoding.UTF8.GetByteCount(body) > 64 * 1024);
        using var client = host.Client();

        using var response = await client.PostAsync($"/api/months/{ReviewHostFixture.NewMonth()}/articles",
            new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ExtractPreview_BodyOverMaxInputBytes_Returns413()
    {
        using var client = host.Client();

        using var response = await client.PostAsync("/api/extract",
            new ByteArrayContent(new byte[ReviewHostFixture.MaxInputBytes + 1]) { Headers = { { "Content-Type", "text/html" } } }, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/sources")]
    [InlineData("/api/months/2021-08/articles")]
    public async Task KeyedRoutes_WithoutOrWithAWrongToken_Return401(string path)
    {
        using var anonymous = host.Client(authorized: false);
        using var wrong = host.Client(authorized: false);
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-review-token-at-all");

        using var none = await anonymous.GetAsync(path, Ct);
        using var bad = await wrong.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task AddArticle_HostResolvingToLoopback_RefusalDoesNotEchoTheAddress()
    {
        var month = ReviewHostFixture.NewMonth();
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync($"/api/months/{month}/articles", new { url = "http://localhost:9/internal" }, Ct);

        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.DoesNotContain("127.0.0.1", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("::1", detail, StringComparison.Ordinal);
    }
}
