using System.Text.Json;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Tests.Polling;

public sealed class JsonListReaderTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Read_SinaRollApi_ItemsTitlesUrlsAndUnixSecondDates()
    {
        var rules = new ListRules
        {
            Kind = ListKind.Json,
            Items = "/result/data",
            Fields = new JsonListFields { Title = "/title", Url = "/url", Date = "/intime" },
            UrlPattern = @"^https://tech\.sina\.com\.cn/.+/doc-i\w+\.shtml$",
        };

        var read = ListFixture.Reader.Read(ListFixture.Page("sina-roll.json", "https://feed.mix.sina.com.cn/api/roll/get?pageid=153&lid=2515", "application/json"), rules);

        Assert.Equal(2, read.Links.Count);
        Assert.Equal("https://tech.sina.com.cn/roll/2026-12-03/doc-inhaaaa0000001.shtml", read.Links[0].Url.AbsoluteUri);
        Assert.Equal("北京：互联网医院接入市级平台", read.Links[0].Title);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, Beijing), read.Links[0].Date);
        Assert.Contains(read.Notes, n => n.Contains("1 of 3 items have no URL"));
    }

    [Fact]
    public void Read_GovCnRootArray_RelativeUrlsResolvedMillisecondDatesAndPatternApplied()
    {
        var rules = new ListRules
        {
            Kind = ListKind.Json,
            Items = "",
            Fields = new JsonListFields { Title = "/TITLE", Url = "/URL", Date = "/DOCRELPUBTIME" },
            UrlPattern = @"^https://www\.gov\.cn/(yaowen/liebiao|lianbo/bumen)/\d{6}/content_\d+\.htm$",
        };

        var read = ListFixture.Reader.Read(ListFixture.Page("govcn-list.json", "https://www.gov.cn/yaowen/liebiao/YAOWENLIEBIAO.json", "application/json"), rules);

        Assert.Equal(
            ["https://www.gov.cn/lianbo/bumen/202612/content_7000001.htm", "https://www.gov.cn/yaowen/liebiao/202612/content_7000002.htm"],
            read.Links.Select(l => l.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 0, 0, Beijing), read.Links[0].Date);
    }

    [Fact]
    public void Read_QqWebFeedIdsOnly_UrlTemplateBuildsArticleUrls()
    {
        var rules = new ListRules
        {
            Kind = ListKind.Json,
            Method = "POST",
            Items = "/data",
            Fields = new JsonListFields { Title = "/title", UrlTemplate = "https://news.qq.com/rain/a/{/id}", Date = "/publish_time" },
            UrlPattern = @"^https://news\.qq\.com/rain/a/\d{8}[A-Z0-9]+$",
        };

        var read = ListFixture.Reader.Read(ListFixture.Page("qq-pclist.json", "https://i.news.qq.com/web_feed/getPCList", "application/json"), rules);

        Assert.Equal(
            ["https://news.qq.com/rain/a/20261204A01XYZ00", "https://news.qq.com/rain/a/20261203V05ABC00"],
            read.Links.Select(l => l.Url.AbsoluteUri));
        Assert.Equal("示例：医院上线智慧病房系统", read.Links[0].Title);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 9, 30, 0, Beijing), read.Links[0].Date);
        Assert.Contains(read.Notes, n => n.Contains("1 of 3 items have no URL at 'https://news.qq.com/rain/a/{/id}'"));
    }

    [Theory]
    [InlineData("https://a.cn/{/id}", "https://a.cn/a%2Fb%20c")]
    [InlineData("https://a.cn/{/meta/n}/{/id}.html", "https://a.cn/7/a%2Fb%20c.html")]
    [InlineData("https://a.cn/{/missing}", null)]
    public void Expand_Placeholders_EscapedValuesOrNullWhenMissing(string template, string? expected)
    {
        using var item = JsonDocument.Parse("{\"id\": \"a/b c\", \"meta\": {\"n\": 7}}");

        Assert.Equal(expected, JsonUrlTemplate.Expand(template, item.RootElement));
    }

    [Fact]
    public void Read_ItemsPointerMissing_NoteNamesThePointer()
    {
        var rules = new ListRules { Kind = ListKind.Json, Items = "/data/list", Fields = new JsonListFields() };

        var read = ListFixture.Reader.Read(ListFixture.Page("sina-roll.json", "https://feed.mix.sina.com.cn/api/roll/get", "application/json"), rules);

        Assert.Empty(read.Links);
        Assert.Contains("/data/list", Assert.Single(read.Notes));
    }

    [Fact]
    public void Read_Jsonp_UnwrappedBeforeParsing()
    {
        var body = "try{jQuery123({\"result\":{\"data\":[{\"url\":\"https://a.test/1.html\",\"title\":\"t\",\"intime\":1796256000}]}});}catch(e){};"u8.ToArray();
        var page = ListFixture.Page("sina-roll.json", "https://a.test/api", "application/javascript") with { Body = body };
        var rules = new ListRules { Kind = ListKind.Json, Items = "/result/data", Fields = new JsonListFields { Url = "/url", Date = "/intime" } };

        var read = ListFixture.Reader.Read(page, rules);

        Assert.Equal("https://a.test/1.html", Assert.Single(read.Links).Url.AbsoluteUri);
    }

    [Fact]
    public void Read_NotJson_NoteNotException()
    {
        var page = ListFixture.Page("sina-roll.json", "https://a.test/api", "application/json") with { Body = "<html>maintenance</html>"u8.ToArray() };

        var read = ListFixture.Reader.Read(page, new ListRules { Kind = ListKind.Json, Fields = new JsonListFields() });

        Assert.Empty(read.Links);
        Assert.StartsWith("not JSON", Assert.Single(read.Notes));
    }

    [Theory]
    [InlineData("1796256000", "2026-12-03T08:00:00+08:00")]
    [InlineData("1796256000000", "2026-12-03T08:00:00+08:00")]
    [InlineData("\"1796256000\"", "2026-12-03T08:00:00+08:00")]
    [InlineData("\"2026-12-03 08:00:00\"", "2026-12-03T08:00:00+08:00")]
    [InlineData("\"2026-12-03-08:00:00\"", "2026-12-03T08:00:00+08:00")]
    [InlineData("null", null)]
    public void Read_DateForms_ReadAsBeijingTime(string json, string? expected)
    {
        var body = System.Text.Encoding.UTF8.GetBytes($"[{{\"u\":\"https://a.test/1.html\",\"d\":{json}}}]");
        var page = ListFixture.Page("govcn-list.json", "https://a.test/list.json", "application/json") with { Body = body };
        var rules = new ListRules { Kind = ListKind.Json, Fields = new JsonListFields { Url = "/u", Date = "/d" } };

        var link = Assert.Single(ListFixture.Reader.Read(page, rules).Links);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), link.Date);
    }

    [Theory]
    [InlineData("", "[1]", "[1]")]
    [InlineData("/a~1b/0", "{\"a/b\":[7]}", "7")]
    [InlineData("/m~0n", "{\"m~n\":\"x\"}", "\"x\"")]
    [InlineData("/missing", "{}", null)]
    public void Evaluate_Rfc6901Pointers(string pointer, string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, JsonPointer.Evaluate(document.RootElement, pointer)?.GetRawText());
    }
}
