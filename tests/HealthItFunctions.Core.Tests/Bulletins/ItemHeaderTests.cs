using System.Globalization;
using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Tests.Bulletins;

/// <summary>
/// Each 主要内容 opens with the title, then "yyyy-MM-dd 来源：X", generated from the item's fields. The reference
/// items are parsed into fields with their header taken out of the body, so these compare the generated header with
/// the one the editors wrote.
/// </summary>
public sealed class ItemHeaderTests
{
    /// <summary>Issues 36 and 41 write the header in 主要内容 itself.</summary>
    [Theory]
    [InlineData("2021-08-issue-041.txt")]
    [InlineData("2021-03-issue-036.txt")]
    public void Render_ReferenceItemFields_HeaderMatchesReferenceHeader(string fileName)
    {
        var reference = ReferenceBulletin.Load(fileName);

        var rendered = HeadersOf(BulletinLines.Normalize(BulletinLines.OfMarkdown(Bulletins.Markdown().Render(Bulletins.Compose(reference)))));

        var expected = HeadersOf(BulletinLines.Normalize(reference.Lines));
        Assert.Equal(reference.Items.Count, expected.Count);
        Assert.Equal(expected, rendered);
    }

    /// <summary>Issues 27 and 28 put the date on the 媒体 line: the same facts must make the header of the current layout.</summary>
    [Theory]
    [InlineData("2020-06-issue-027.txt")]
    [InlineData("2020-07-issue-028.txt")]
    public void Render_DateOnMediaLine_HeaderCarriesThatDateAndMedia(string fileName)
    {
        var reference = ReferenceBulletin.Load(fileName);
        var mediaLines = BulletinLines.Normalize(reference.Lines).Where(l => l.StartsWith("媒体:", StringComparison.Ordinal)).ToList();

        var rendered = HeadersOf(BulletinLines.Normalize(BulletinLines.OfMarkdown(Bulletins.Markdown().Render(Bulletins.Compose(reference)))));

        Assert.Equal(reference.Items.Count, mediaLines.Count);
        // "媒体:中国数字医学2020-06-25" ⇒ "2020-06-25来源:中国数字医学" (whitespace squashed by the normalizer).
        var expected = mediaLines.Select(l => l[^10..] + "来源:" + l["媒体:".Length..^10]).ToList();
        Assert.Equal(expected, rendered.Select(h => h.DateAndCredit));
        Assert.Equal(reference.Items.Select(i => BulletinLines.Normalize([i.Title]).Single()), rendered.Select(h => h.Title));
    }

    [Fact]
    public void ItemHeaderLines_CreditDiffersFromMedia_CreditIsShownAndDateIsBeijing()
    {
        var item = new BulletinItem("标题", "腾讯新闻", "https://example.org/1", new DateTimeOffset(2021, 8, 31, 17, 0, 0, TimeSpan.Zero), ["正文"])
        {
            Credit = "孕育妈咪圈",
        };

        Assert.Equal(["标题", "2021-09-01 来源：孕育妈咪圈"], BulletinWording.ItemHeaderLines(item));
    }

    [Fact]
    public void ItemHeaderLines_NoDate_CreditOnly()
    {
        var item = new BulletinItem("标题", "HIT专家网", "https://example.org/1", null, ["正文"]);

        Assert.Equal(["标题", "来源：HIT专家网"], BulletinWording.ItemHeaderLines(item));
    }

    private static List<(string Title, string DateAndCredit)> HeadersOf(IReadOnlyList<string> normalized) =>
        normalized.Select((line, i) => (line, i))
            .Where(x => x.line == "主要内容:" && x.i + 2 < normalized.Count)
            .Select(x => (normalized[x.i + 1], normalized[x.i + 2]))
            .ToList();
}
