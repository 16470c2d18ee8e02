using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Images;
using HealthItFunctions.Core.Relevance;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace HealthItFunctions.Cli.Tests.Review;

/// <summary>The review API over HTTP on real Kestrel and Azurite: listing, editing under ETags, history, problems.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ReviewApiTests(ReviewHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListArticles_SeededMonth_ReturnsCandidatesWithClusterTermsAndETag()
    {
        var month = ReviewHostFixture.NewMonth();
        var primary = await host.SeedAsync(month, "北京协和医院互联网医院上线", day: 3);
        await host.SeedAsync(month, "协和互联网医院上线（转载）", media: "北京市卫健委", clusterOf: primary.Id, day: 4);
        await host.SeedAsync(month, "体育场馆开放", RelevanceBand.Exclude, score: 0.1);
        using var client = host.Client();

        var list = await GetJsonAsync(client, $"/api/months/{month}/articles");

        var items = list["items"]!.AsArray();
        Assert.Equal(2, list["total"]!.GetValue<int>());
        var first = items[0]!;
        Assert.Equal(primary.Id, first["id"]!.GetValue<string>());
        Assert.Equal("include", first["band"]!.GetValue<string>());
        Assert.True(first["selected"]!.GetValue<bool>());
        Assert.Contains("互联网医院", first["terms"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("北京市卫健委", first["alsoReportedBy"]![0]!["media"]!.GetValue<string>());
        Assert.Equal(primary.ETag, first["etag"]!.GetValue<string>());
        Assert.False(items[1]!["selected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ListArticles_BandTextAndPaging_FilterTheCandidates()
    {
        var month = ReviewHostFixture.NewMonth();
        for (var day = 1; day <= 3; day++)
        {
            await host.SeedAsync(month, $"互联网诊疗第{day}篇", day: day);
        }

        await host.SeedAsync(month, "医师节义诊", RelevanceBand.Review, score: 0.4);
        using var client = host.Client();

        var review = await GetJsonAsync(client, $"/api/months/{month}/articles?band=review");
        var text = await GetJsonAsync(client, $"/api/months/{month}/articles?q={Uri.EscapeDataString("第2篇")}");
        var page2 = await GetJsonAsync(client, $"/api/months/{month}/articles?band=include&pageSize=2&page=2");

        Assert.Equal("医师节义诊", Assert.Single(review["items"]!.AsArray())!["title"]!.GetValue<string>());
        Assert.Equal("互联网诊疗第2篇", Assert.Single(text["items"]!.AsArray())!["title"]!.GetValue<string>());
        Assert.Equal(3, page2["total"]!.GetValue<int>());
        Assert.Equal("互联网诊疗第3篇", Assert.Single(page2["items"]!.AsArray())!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/api/sources", null)]
    [InlineData("GET", "/api/sources", "wrong-token-wrong-token")]
    [InlineData("POST", "/api/months/2021-08/bulletin/publish?confirm=true", null)]
    public async Task Api_WithoutTheToken_Returns401Problem(string method, string path, string? token)
    {
        using var client = host.Client(authorized: false);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, host.Mail.Received.Count(m => (m.Subject ?? "").Contains("2021-08")));
    }

    [Fact]
    public async Task EditArticle_TwoEditorsSameETag_SecondGets412AndFirstEditStays()
    {
        var month = ReviewHostFixture.NewMonth();
        var article = await host.SeedAsync(month, "北京市互联网医院监管平台");
        using var client = host.Client();

        using var first = await PatchAsync(client, article.Id, """{"summary":"第一位编辑的摘要"}""", article.ETag);
        using var second = await PatchAsync(client, article.Id, """{"summary":"第二位编辑的摘要"}""", article.ETag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var stored = await host.Articles.GetAsync(article.Id, Ct);
        Assert.Equal("第一位编辑的摘要", stored!.EditedSummary);
        Assert.Equal(stored.ETag, first.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task EditArticle_WithoutIfMatch_Returns428AndChangesNothing()
    {
        var month = ReviewHostFixture.NewMonth();
        var article = await host.SeedAsync(month, "电子病历评级");
        using var client = host.Client();

        using var response = await PatchAsync(client, article.Id, """{"decision":"exclude"}""", etag: null);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal(article.ETag, (await host.Articles.GetAsync(article.Id, Ct))!.ETag);
    }

    public static TheoryData<string, string, string> BadEdits() => new()
    {
        // what is wrong, body, the field the problem names
        { "wrong type", """{"order":"first"}""", "order" },
        { "order out of range", """{"order":0}""", "order" },
        { "oversize title", $$"""{"title":"{{new string('长', 301)}}"}""", "title" },
        { "oversize summary", $$"""{"summary":"{{new string('字', 5001)}}"}""", "summary" },
        { "blank title", """{"title":"   "}""", "title" },
        { "unknown decision", """{"decision":"maybe"}""", "decision" },
        { "bad month", """{"month":"2021-13"}""", "month" },
        { "unknown field", """{"score":1}""", "score" },
        { "picture index not a number", """{"droppedImages":["first"]}""", "droppedImages" },
        { "no change", "{}", "body" },
        { "not JSON", "{decision:", "body" },
        { "not an object", "[1,2]", "body" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task EditArticle_BadBody_Returns400ProblemNamingTheFieldAndChangesNothing(string because, string body, string field)
    {
        var month = ReviewHostFixture.NewMonth();
        var article = await host.SeedAsync(month, "互联网中医医院开诊");
        using var client = host.Client();

        using var response = await PatchAsync(client, article.Id, body, article.ETag);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]![field]);
        var stored = await host.Articles.GetAsync(article.Id, Ct);
        Assert.Equal(article.ETag, stored!.ETag);
    }

    [Theory]
    [InlineData("/api/months/2021-8/articles", "month")]
    [InlineData("/api/months/August/articles", "month")]
    [InlineData("/api/months/2021-08/articles?page=zero", "page")]
    [InlineData("/api/months/2021-08/articles?pageSize=1000", "pageSize")]
    [InlineData("/api/months/2021-08/articles?band=maybe", "band")]
    [InlineData("/api/months/2021-08/bulletin/preview?format=pdf", "format")]
    [InlineData("/api/articles/not-an-id/history", "id")]
    public async Task Get_BadRouteOrQuery_Returns400Problem(string path, string field)
    {
        using var client = host.Client();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["errors"]![field]);
    }

    [Fact]
    public async Task EditArticle_UnknownId_Returns404Problem()
    {
        using var client = host.Client();

        using var response = await PatchAsync(client, new string('0', 32), """{"decision":"include"}""", "W/\"x\"");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EditArticle_TitleWithMarkup_StoredAndReturnedAsLiteralText()
    {
        var month = ReviewHostFixture.NewMonth();
        var article = await host.SeedAsync(month, "原标题");
        const string hostile = "<script>alert(1)</script>北京&“互联网+”<b>";
        using var client = host.Client();

        using var response = await PatchAsync(client, article.Id, JsonSerializer.Serialize(new { title = hostile }), article.ETag);
        var raw = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
        var body = JsonNode.Parse(raw)!;
        Assert.Equal(hostile, body["title"]!.GetValue<string>());
        Assert.Equal("原标题", body["originalTitle"]!.GetValue<string>());
        Assert.Equal(hostile, (await host.Articles.GetAsync(article.Id, Ct))!.EditedTitle);
    }

    [Fact]
    public async Task History_AfterTwoEdits_ListsEditorAndFieldsNewestFirst()
    {
        var month = ReviewHostFixture.NewMonth();
        var article = await host.SeedAsync(month, "医联体信息平台");
        using var client = host.Client();
        using var first = await PatchAsync(client, article.Id, """{"decision":"exclude"}""", article.ETag);
        using var second = await PatchAsync(client, article.Id, """{"decision":"reset","order":2}""", first.Headers.ETag!.ToString());

        var history = (await GetJsonAsync(client, $"/api/articles/{article.Id}/history")).AsArray();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, history.Count);
        Assert.All(history, entry => Assert.Equal(ReviewHostFixture.EditorName, entry!["editor"]!.GetValue<string>()));
        var latest = history[0]!["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => c!["to"]?.GetValue<string>());
        Assert.Equal(new Dictionary<string, string?> { ["decision"] = null, ["order"] = "2" }, latest);
        var earliest = Assert.Single(history[1]!["changes"]!.AsArray())!;
        Assert.Equal(("decision", null, "exclude"), (earliest["field"]!.GetValue<string>(), earliest["from"]?.GetValue<string>(), earliest["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task History_UnknownArticle_Returns404Problem()
    {
        using var client = host.Client();

        using var response = await client.GetAsync($"/api/articles/{new string('a', 32)}/history", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PreviewBulletin_AfterExcludeAndReorder_RendersTheEditorsChoiceInEveryFormat()
    {
        var month = ReviewHostFixture.NewMonth();
        var a = await host.SeedAsync(month, "甲：智慧医院建设", day: 1);
        var b = await host.SeedAsync(month, "乙：互联网诊疗监管", day: 2);
        var c = await host.SeedAsync(month, "丙：健康码升级", day: 3);
        using var client = host.Client();
        (await PatchAsync(client, a.Id, """{"decision":"exclude"}""", a.ETag)).Dispose();
        (await PatchAsync(client, c.Id, """{"order":1}""", c.ETag)).Dispose();
        (await PatchAsync(client, b.Id, """{"order":2}""", b.ETag)).Dispose();

        var html = await client.GetStringAsync($"/api/months/{month}/bulletin/preview?format=html", Ct);
        var md = await client.GetStringAsync($"/api/months/{month}/bulletin/preview?format=md", Ct);
        using var docx = await client.GetAsync($"/api/months/{month}/bulletin/preview?format=docx", Ct);

        Assert.DoesNotContain("智慧医院建设", html, StringComparison.Ordinal);
        Assert.True(md.IndexOf("健康码升级", StringComparison.Ordinal) is var first and >= 0 && first < md.IndexOf("互联网诊疗监管", StringComparison.Ordinal), md);
        Assert.DoesNotContain("智慧医院建设", md, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync(Ct))[..2]);
    }

    [Fact]
    public async Task PublishBulletin_ApproveThePreviewedHash_SendsOnceRefusesStaleHashAndConfirmsResend()
    {
        var month = ReviewHostFixture.NewMonth();
        var article = await host.SeedAsync(month, "京津冀检查结果互认");
        using var client = host.Client();
        var hash = (await GetJsonAsync(client, $"/api/months/{month}/bulletin"))["contentHash"]!.GetValue<string>();

        using var withoutHash = await client.PostAsync($"/api/months/{month}/bulletin/publish", null, Ct);
        using var first = await ApproveAsync(client, month, hash);
        using var second = await ApproveAsync(client, month, hash);
        (await PatchAsync(client, article.Id, """{"summary":"更正后的摘要"}""", article.ETag)).Dispose();
        using var stale = await ApproveAsync(client, month, hash);
        var corrected = (await GetJsonAsync(client, $"/api/months/{month}/bulletin"))["contentHash"]!.GetValue<string>();
        using var unconfirmed = await ApproveAsync(client, month, corrected);
        using var confirmed = await client.PostAsync($"/api/months/{month}/bulletin/publish",
            new StringContent($$"""{"confirm":true,"planHash":"{{corrected}}"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutHash.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var published = JsonNode.Parse(await first.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(("Sent", "sent", ReviewHostFixture.EditorName), (published["mail"]!.GetValue<string>(), published["stage"]!.GetValue<string>(), published["approvedBy"]!.GetValue<string>()));
        Assert.Equal("AlreadySent", JsonNode.Parse(await second.Content.ReadAsStringAsync(Ct))!["mail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var again = JsonNode.Parse(await confirmed.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal((2, "Sent"), (again["version"]!.GetValue<int>(), again["mail"]!.GetValue<string>()));
        var toMonth = host.Mail.Received.Where(m => (m.TextBody ?? "").Contains("京津冀检查结果互认")).ToList();
        Assert.Equal(2, toMonth.Count);
        Assert.Contains("更正后的摘要", toMonth[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditArticle_MediaDateAndCredit_StoredAsDecisionsWithHistoryAndPrintedInTheHeader()
    {
        var month = ReviewHostFixture.NewMonth();
        var article = await host.SeedAsync(month, "北京市出生医学证明线上申领");
        using var client = host.Client();

        using var edited = await PatchAsync(client, article.Id, """{"media":"腾讯新闻","credit":"孕育妈咪圈","date":"2021-09-01"}""", article.ETag);
        using var badDate = await PatchAsync(client, article.Id, """{"date":"2021-9-1"}""", article.ETag);
        var markdown = await client.GetStringAsync($"/api/months/{month}/bulletin/preview?format=md", Ct);
        var history = (await GetJsonAsync(client, $"/api/articles/{article.Id}/history")).AsArray();

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = JsonNode.Parse(await edited.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(("腾讯新闻", "腾讯新闻", "孕育妈咪圈", "2021-09-01"),
            (body["media"]!.GetValue<string>(), body["editedMedia"]!.GetValue<string>(), body["credit"]!.GetValue<string>(), body["date"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("媒体：腾讯新闻", markdown, StringComparison.Ordinal);
        Assert.Contains("2021-09-01 来源：孕育妈咪圈", markdown, StringComparison.Ordinal);
        var changes = history[0]!["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(["media", "credit", "date"], changes);
    }

    private Task<HttpResponseMessage> ApproveAsync(HttpClient client, BulletinMonth month, string hash)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/months/{month}/bulletin/publish");
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{hash}\"");
        return client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task BulletinPlan_ShowsRecipientsAndItemsBeforePublishing()
    {
        var month = ReviewHostFixture.NewMonth();
        await host.SeedAsync(month, "互联网医院处方流转");
        using var client = host.Client();

        var plan = await GetJsonAsync(client, $"/api/months/{month}/bulletin");

        Assert.Equal("reader@healthit.local", Assert.Single(plan["recipients"]!.AsArray())!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", plan["contentHash"]!.GetValue<string>());
        Assert.Equal("draft", plan["stage"]!.GetValue<string>());
        Assert.Equal("互联网医院处方流转", Assert.Single(plan["items"]!.AsArray())!["title"]!.GetValue<string>());
        Assert.False(plan["requiresConfirmation"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AddArticle_ReplayedArticleUrl_FetchedStoredAndIncludedInTheMonth()
    {
        var month = ReviewHostFixture.NewMonth();
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync($"/api/months/{month}/articles",
            new { url = "https://www.bjzhongyi.com/gzb_yyxw_detail/9051.html" }, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var added = JsonNode.Parse(body)!;
        Assert.Equal(month.ToString(), added["month"]!.GetValue<string>());
        Assert.True(added["selected"]!.GetValue<bool>());
        Assert.Contains("互联网中医医院", added["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = await host.Articles.GetAsync(added["id"]!.GetValue<string>(), Ct);
        Assert.Equal((month, EditorDecision.Include), (stored!.Month, stored.Decision));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/internal", "URL refused")]
    [InlineData("https://www.bjzhongyi.com/gzb_yyxw/1.html", "Not an article")]
    public async Task AddArticle_RefusedOrNotAnArticle_Returns422ProblemAndStoresNothing(string url, string title)
    {
        var month = ReviewHostFixture.NewMonth();
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync($"/api/months/{month}/articles", new { url }, Ct);

        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Empty(await host.Articles.ListMonthAsync(month, Ct));
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.org/a"}""")]
    [InlineData("""{"url":42}""")]
    [InlineData("""{"link":"https://example.org/a"}""")]
    public async Task AddArticle_BadBody_Returns400Problem(string body)
    {
        using var client = host.Client();

        using var response = await client.PostAsync($"/api/months/{ReviewHostFixture.NewMonth()}/articles",
            new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sources_ReturnsTheCatalogWithListKindsAndStartUrls()
    {
        using var client = host.Client();

        var sources = (await GetJsonAsync(client, "/api/sources")).AsArray();

        var hit180 = sources.Single(s => s!["id"]!.GetValue<string>() == "hit180")!;
        Assert.True(hit180["pollable"]!.GetValue<bool>());
        Assert.NotEmpty(hit180["startUrls"]!.AsArray());
    }

    [Fact]
    public async Task ReviewPage_WithoutToken_ServedWithScriptHashPolicy()
    {
        using var client = host.Client(authorized: false);

        using var response = await client.GetAsync("/api/review", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'sha256-", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".innerHTML", html, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditArticle_DropPicture_PreviewLeavesItOutAndHistoryRecordsIt()
    {
        var month = ReviewHostFixture.NewMonth();
        var store = host.App.Services.GetRequiredService<IArticleImageStore>();
        byte[][] pngs = [Png(SKColors.Red), Png(SKColors.Blue)];
        var blobs = new[] { $"review-{Guid.NewGuid():N}/00.png", $"review-{Guid.NewGuid():N}/01.png" };
        for (var i = 0; i < 2; i++)
        {
            await store.PutAsync(blobs[i], pngs[i], "image/png", Ct);
        }

        var article = await host.SeedAsync(month, "北京通上线出生医学证明线上申领", images:
        [
            new StoredImage { Index = 0, Position = 1, SourceUrl = "https://img.example.org/0.png", Caption = "① 主页点击", BlobName = blobs[0], ContentType = "image/png", Width = 40, Height = 30 },
            new StoredImage { Index = 1, Position = 2, SourceUrl = "https://img.example.org/1.png", Caption = "② 点击申领", BlobName = blobs[1], ContentType = "image/png", Width = 40, Height = 30 },
            new StoredImage { Index = 2, Position = 2, SourceUrl = "https://img.example.org/2.svg", Note = "skipped: SVG with script" },
        ]);
        using var client = host.Client();
        var before = await client.GetStringAsync($"/api/months/{month}/bulletin/preview?format=html", Ct);

        using var response = await PatchAsync(client, article.Id, """{"droppedImages":[0]}""", article.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await client.GetStringAsync($"/api/months/{month}/bulletin/preview?format=html", Ct);
        Assert.Contains(Convert.ToBase64String(pngs[0]), before);
        Assert.DoesNotContain(Convert.ToBase64String(pngs[0]), after);
        Assert.Contains(Convert.ToBase64String(pngs[1]), after);
        var pictures = (await GetJsonAsync(client, $"/api/months/{month}/articles"))["items"]![0]!["pictures"]!.AsArray();
        Assert.Equal([true, false, false], pictures.Select(p => p!["dropped"]!.GetValue<bool>()));
        Assert.Contains("SVG", pictures[2]!["note"]!.GetValue<string>());
        var change = (await GetJsonAsync(client, $"/api/articles/{article.Id}/history"))[0]!["changes"]!.AsArray()
            .Single(c => c!["field"]!.GetValue<string>() == "droppedImages")!;
        Assert.Equal("0", change["to"]!.GetValue<string>());
    }

    private static byte[] Png(SKColor color)
    {
        using var bitmap = new SKBitmap(40, 30);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/articles/{id}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request, Ct);
    }
}
