using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Tests.Polling;

public sealed class ListFallbackTests
{
    private static readonly ListRules Rules = new()
    {
        Rows = "//ul[@class='list']/li",
        Link = ".//a[@href]",
        UrlPattern = @"^https://site\.test/a/\d+\.html$",
        Date = ".//span",
        Paging = new ListPaging { Next = "//a[.='下一页']" },
    };

    [Fact]
    public void Read_RowsMatchNothing_TakesLinksMatchingUrlPatternAndSaysSo()
    {
        var read = ListFixture.Reader.Read(ListFixture.Page("changed-list.html", "https://site.test/news/", "text/html; charset=utf-8"), Rules);

        Assert.True(read.FellBack);
        Assert.Equal(["https://site.test/a/101.html", "https://site.test/a/102.html"], read.Links.Select(l => l.Url.AbsoluteUri));
        Assert.Equal("北京推进电子病历共享", read.Links[0].Title);
    }

    [Fact]
    public void Read_RowsMatchNothingAndNoUrlPattern_StaysEmptyRatherThanTakingEveryLink()
    {
        var read = ListFixture.Reader.Read(ListFixture.Page("changed-list.html", "https://site.test/news/", "text/html"), Rules with { UrlPattern = null });

        Assert.False(read.FellBack);
        Assert.Empty(read.Links);
    }

    [Fact]
    public void Read_RulesMatch_NoFallback()
    {
        var read = ListFixture.Reader.Read(ListFixture.Page("discover-list.html", "https://site.test/news/", "text/html"), Rules);

        Assert.False(read.FellBack);
        Assert.Equal("https://site.test/a/1.html", Assert.Single(read.Links).Url.AbsoluteUri);
    }

    [Fact]
    public void Read_NextPageXPath_ResolvesTheNextPageUrl()
    {
        var read = ListFixture.Reader.Read(ListFixture.Page("changed-list.html", "https://site.test/news/", "text/html"), Rules);

        Assert.Equal("https://site.test/news/list_2.html", read.Next?.AbsoluteUri);
    }

    [Fact]
    public void Read_DiscoverFeeds_FindsAlternateFeedsOnly()
    {
        var read = ListFixture.Reader.Read(ListFixture.Page("discover-list.html", "https://site.test/news/", "text/html"), Rules with { DiscoverFeeds = true });

        Assert.Equal(["https://site.test/feed", "https://site.test/feed.json"], read.Feeds.Select(f => f.AbsoluteUri));
        Assert.Single(read.Links);
    }

    [Fact]
    public void Read_KindDiscoverWithoutFeeds_NoteSaysToUseHtmlList()
    {
        var read = ListFixture.Reader.Read(ListFixture.Page("changed-list.html", "https://site.test/news/", "text/html"), Rules with { Kind = ListKind.Discover });

        Assert.Empty(read.Links);
        Assert.Contains("no feed", Assert.Single(read.Notes));
    }

    [Fact]
    public void Read_JsonFeedFromBridge_LongAndShortWeChatLinks()
    {
        var read = ListFixture.Reader.Read(ListFixture.Page("bridge-feed.json", "https://bridge.test/feed/chinadigitalmedicine.json", "application/feed+json"),
            new ListRules { Kind = ListKind.JsonFeed });

        Assert.Equal(2, read.Links.Count);
        Assert.StartsWith("https://mp.weixin.qq.com/s?__biz=", read.Links[0].Url.AbsoluteUri);
        Assert.Equal("https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv", read.Links[1].Url.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(8)), read.Links[0].Date);
        Assert.Contains(read.Notes, n => n.Contains("without a link"));
    }
}
