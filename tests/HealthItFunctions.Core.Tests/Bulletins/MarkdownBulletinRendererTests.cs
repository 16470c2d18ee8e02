using System.Text;
using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Tests.Bulletins;

public sealed class MarkdownBulletinRendererTests
{
    [Theory]
    [MemberData(nameof(Bulletins.GoldenIssues), MemberType = typeof(Bulletins))]
    public void Render_ReferenceIssueItems_ReproducesReferenceLineByLine(string fileName)
    {
        var reference = ReferenceBulletin.Load(fileName);
        var document = Bulletins.Compose(reference);

        var markdown = Bulletins.Markdown().Render(document);

        Assert.Equal(reference.IssueNumber, document.IssueNumber);
        BulletinLines.AssertSame(reference.Lines, BulletinLines.OfMarkdown(markdown), fileName);
    }

    [Fact]
    public void Render_Issue41_ItemOutsideMonthStillStatesMonthRange()
    {
        var reference = ReferenceBulletin.Load("2021-08-issue-041.txt");
        Assert.Contains(reference.Items, i => i.PublishedAt?.Month == 9);

        var text = Encoding.UTF8.GetString(Bulletins.Markdown().Render(Bulletins.Compose(reference)));

        Assert.Contains("本期周报共收集4篇卫生信息化相关信息，时间从2021年08月01日到2021年08月31日，", text, StringComparison.Ordinal);
        Assert.Contains("（第四十一期）", text, StringComparison.Ordinal);
        Assert.Contains("链接：<https://new.qq.com/omn/20210901/20210901A03Q6K00.html>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoItems_ZeroCountAndEmptySections()
    {
        var text = Encoding.UTF8.GetString(Bulletins.Markdown().Render(Bulletins.Compose(BulletinMonth.Parse("2021-02"))));

        Assert.Contains("共收集0篇", text, StringComparison.Ordinal);
        Assert.Contains("2021年02月28日", text, StringComparison.Ordinal);
        Assert.EndsWith("二、具体内容\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FieldWithLineBreaksAndNonHttpUrl_OneLineAndNoAutolink()
    {
        var item = new BulletinItem("两行\n标题", "媒体", "javascript:alert(1)", null, ["", "  ", "正文"]);

        var lines = BulletinLines.OfMarkdown(Bulletins.Markdown().Render(Bulletins.Compose(BulletinMonth.Parse("2021-08"), item)));

        Assert.Contains("1. 两行 标题", lines);
        Assert.Contains("链接：javascript:alert(1)", lines);
        Assert.Equal(["两行 标题", "来源：媒体", "正文"], lines.Where(l => l.Length > 0).SkipWhile(l => l != "主要内容：").Skip(1));
    }
}
