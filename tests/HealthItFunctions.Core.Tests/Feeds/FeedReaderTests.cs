using System.Text;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Feeds;
using Microsoft.Extensions.Time.Testing;

namespace HealthItFunctions.Core.Tests.Feeds;

public sealed class FeedReaderTests
{
    private static readonly Uri FeedUrl = new("https://www.hit180.com/feed");

    /// <summary>The reader as the hosts build it: dates through the shared parser, on an injected clock.</summary>
    private static readonly FeedReader Reader = new(new PublishTimeParser(PublishTimeParser.China, new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void Read_WellFormedRss_ItemsWithLinkTitleAndDate()
    {
        var result = Read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>HIT专家网</title><link>https://www.hit180.com</link><description>d</description>
              <item><title>北京市卫健委召开信息化工作会</title><link>https://www.hit180.com/68731.html</link><pubDate>Sat, 01 Mar 2025 08:00:00 +0800</pubDate></item>
              <item><title>第二篇</title><link>https://www.hit180.com/68732.html</link><pubDate>Sun, 02 Mar 2025 09:30:00 GMT</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal("rss", result.Format);
        Assert.Equal("HIT专家网", result.Title);
        Assert.Equal(2, result.Items.Count);
        Assert.Equal(new FeedItem(new Uri("https://www.hit180.com/68731.html"), "北京市卫健委召开信息化工作会",
            new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8))), result.Items[0]);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 9, 30, 0, TimeSpan.Zero), result.Items[1].Published);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Read_Atom_UsesAlternateLinkAndPublished()
    {
        var result = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>公众号</title><id>urn:x</id><updated>2025-03-01T00:00:00Z</updated>
              <entry><title>智慧医院建设</title><id>urn:1</id><link rel="alternate" href="https://mp.weixin.qq.com/s/AbC"/>
                <published>2025-03-01T10:00:00+08:00</published><updated>2025-03-02T10:00:00+08:00</updated></entry>
            </feed>
            """);

        Assert.Equal("atom", result.Format);
        var item = Assert.Single(result.Items);
        Assert.Equal("https://mp.weixin.qq.com/s/AbC", item.Link.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)), item.Published);
    }

    [Fact]
    public void Read_ItemWithoutDate_KeptWithNullDateAndANote()
    {
        var result = Read("""
            <rss version="2.0"><channel><title>t</title><link>https://x.cn</link><description>d</description>
              <item><title>无日期</title><link>https://x.cn/1.html</link></item>
            </channel></rss>
            """);

        var item = Assert.Single(result.Items);
        Assert.Null(item.Published);
        Assert.Contains(result.Notes, note => note.Contains("no readable date"));
    }

    [Theory]
    [InlineData("2025-03-01 08:00:00", 2025, 3, 1)]
    [InlineData("2025年3月1日 08:00", 2025, 3, 1)]
    [InlineData("Sat, 01 Mar 2025 08:00:00 CST", 2025, 3, 1)]
    [InlineData("01 Mar 2025 08:00:00 GMT", 2025, 3, 1)]
    public void Read_NonRfc822Date_ParsedLeniently(string date, int year, int month, int day)
    {
        var result = Read($"""
            <rss version="2.0"><channel><title>t</title><link>https://x.cn</link><description>d</description>
              <item><title>a</title><link>https://x.cn/1.html</link><pubDate>{date}</pubDate></item>
            </channel></rss>
            """);

        var published = Assert.Single(result.Items).Published;
        Assert.NotNull(published);
        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(published.Value.ToOffset(TimeSpan.FromHours(8)).DateTime));
    }

    [Fact]
    public void Read_UnreadableDate_ItemKeptWithNoteNotException()
    {
        var result = Read("""
            <rss version="2.0"><channel><title>t</title><link>https://x.cn</link><description>d</description>
              <item><title>a</title><link>https://x.cn/1.html</link><pubDate>not a date</pubDate></item>
              <item><title>b</title><link>https://x.cn/2.html</link><pubDate>Sat, 01 Mar 2025 08:00:00 +0800</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal(2, result.Items.Count);
        Assert.Null(result.Items[0].Published);
        Assert.NotNull(result.Items[1].Published);
        Assert.NotEmpty(result.Notes);
    }

    [Fact]
    public void Read_GbkBytesDeclaredUtf8_TitlesDecodedRightWithEncodingNote()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>卫生信息化</title><link>https://x.cn</link><description>北京市卫生健康委员会信息中心</description>
              <item><title>北京市卫健委召开信息化工作会</title><link>https://x.cn/1.html</link></item>
              <item><title>互联网医院建设进展</title><link>https://x.cn/2.html</link></item>
            </channel></rss>
            """;

        var result = Reader.Read(Encoding.GetEncoding("GBK").GetBytes(xml), "application/rss+xml; charset=utf-8", FeedUrl);

        Assert.Equal("北京市卫健委召开信息化工作会", result.Items[0].Title);
        Assert.Contains(result.Notes, note => note.StartsWith("encoding:", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RelativeItemLink_ResolvedAgainstFeedUrl()
    {
        var result = Read("""
            <rss version="2.0"><channel><title>t</title><link>/</link><description>d</description>
              <item><title>a</title><link>/68731.html</link></item>
            </channel></rss>
            """);

        Assert.Equal("https://www.hit180.com/68731.html", Assert.Single(result.Items).Link.AbsoluteUri);
    }

    [Fact]
    public void Read_HtmlPage_NotAFeedWithNote()
    {
        var result = Read("<html><head><title>x</title></head><body></body></html>");

        Assert.False(result.IsFeed);
        Assert.Empty(result.Items);
        Assert.Contains(result.Notes, note => note.Contains("not an RSS, Atom or JSON feed"));
    }

    [Fact]
    public void Read_BrokenXml_NoteInsteadOfException()
    {
        var result = Read("<rss version=\"2.0\"><channel><item><title>a</title>");

        Assert.False(result.IsFeed);
        Assert.Contains(result.Notes, note => note.Contains("not well-formed"));
    }

    [Fact]
    public void Read_DoctypeWithEntity_IgnoredNotExpanded()
    {
        var result = Read("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>t</title><link>https://x.cn</link><description>d</description>
              <item><title>a</title><link>https://x.cn/1.html</link></item>
            </channel></rss>
            """);

        Assert.DoesNotContain("root:", string.Join(" ", result.Items.Select(i => i.Title)));
    }

    [Fact]
    public void Read_LooseDateAfterTheInjectedClock_IsNotBelieved()
    {
        // Nothing is published years after the host's clock (2021 here): the reader must ask that clock, not the machine's (2023 would pass it).
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 8, 31, 0, 0, 0, TimeSpan.Zero));
        var reader = new FeedReader(new PublishTimeParser(PublishTimeParser.China, clock));
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>t</title><link>https://www.hit180.com</link><description>d</description>
              <item><title>前一天</title><link>https://www.hit180.com/1.html</link><pubDate>2021年8月30日 10:00</pubDate></item>
              <item><title>未来</title><link>https://www.hit180.com/2.html</link><pubDate>2023年9月30日 10:00</pubDate></item>
            </channel></rss>
            """;

        var items = reader.Read(Encoding.UTF8.GetBytes(xml), "application/rss+xml", FeedUrl).Items;

        Assert.Equal(new DateTimeOffset(2021, 8, 30, 10, 0, 0, TimeSpan.FromHours(8)), items[0].Published);
        Assert.Null(items[1].Published);
    }

    private static FeedReadResult Read(string xml) => Reader.Read(Encoding.UTF8.GetBytes(xml), "application/rss+xml", FeedUrl);
}
