using System.Text.RegularExpressions;
using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Local;
using HealthItFunctions.Testing;
using MimeKit;

namespace HealthItFunctions.Cli.Tests.Pipeline;

/// <summary>
/// The demo flow with every real part: Azurite, the SMTP server and the replay on loopback, poll → process →
/// publish through the services the functions call. Checked against reference issue 41 (seeds/bulletins).
/// </summary>
public sealed class DemoEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("healthit-demo-");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_Replay2021_08_RebuildsIssue41()
    {
        var reference = ReferenceBulletins.Parse("2021-08-issue-041", ReferenceBulletins.Read("2021-08-issue-041.txt")).ToList();

        var exit = await DemoCommand.RunAsync(_output, BulletinMonth.Parse("2021-08"), TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var markdown = File.ReadAllText(Assert.Single(_output.GetFiles("bulletin-041-v*.md")).FullName);
        Assert.Contains("（第四十一期）", markdown);
        Assert.Contains("2021年08月31日", markdown);
        Assert.Contains("本期周报共收集4篇卫生信息化相关信息，时间从2021年08月01日到2021年08月31日", markdown);

        var sections = Regex.Matches(markdown, @"(?m)^(\d+)\. 标题：(.+)\n\n媒体：(.+)\n\n链接：<(.+)>");
        Assert.Equal(reference.Select(r => Squash(r.Title)), sections.Select(m => Squash(m.Groups[2].Value)));
        Assert.Equal(["HIT专家网", "HIT专家网", "孕育妈咪圈", "北京中医医院"], sections.Select(m => m.Groups[3].Value));
        // Links as issue 41 prints them: qq's item is polled from today's web feed as rain/a/<id> and printed in the omn form.
        Assert.Equal(
            ["https://www.hit180.com/52842.html", "https://www.hit180.com/52673.html", "https://new.qq.com/omn/20210901/20210901A03Q6K00.html"],
            sections.Take(3).Select(m => m.Groups[4].Value));

        // Each 主要内容 opens with the header built from the stored title, date and 来源: the reference's header.
        var headers = Regex.Matches(markdown, @"(?m)^主要内容：\n\n(.+)\n\n(.+)$");
        Assert.Equal(reference.Count, headers.Count);
        for (var i = 0; i < headers.Count; i++)
        {
            var generated = Squash(headers[i].Groups[1].Value + headers[i].Groups[2].Value);
            Assert.StartsWith(generated, Squash(reference[i].Content), StringComparison.Ordinal);
        }

        // The reprint of item 2 on 北京市卫健委's 媒体聚焦 list is stored as a reprint, never as a second item:
        // its story appears once in 目录 and once in 具体内容.
        var toc = markdown[markdown.IndexOf("一、信息目录", StringComparison.Ordinal)..markdown.IndexOf("二、具体内容", StringComparison.Ordinal)];
        var tocEntries = toc.Split('\n').Where(line => Regex.IsMatch(line, @"^\d+\. ")).ToList();
        Assert.Equal(4, tocEntries.Count);
        Assert.Single(tocEntries, line => line.Contains("互联网医院管理技术规范"));
        Assert.Single(sections, m => m.Groups[2].Value.Contains("互联网医院管理技术规范"));

        // Both mails in the output folder: the draft notice to the editors, then the approved bulletin to the readers.
        var emls = _output.GetFiles("*.eml").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["mail-001.eml", "mail-002.eml"], emls.Select(f => f.Name));
        var notice = await MimeMessage.LoadAsync(emls[0].FullName, TestContext.Current.CancellationToken);
        Assert.Equal([DemoEnvironment.Editors], notice.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("待审核：北京卫生信息化舆情监测月报（第四十一期） 2021-08", notice.Subject, StringComparison.Ordinal);
        Assert.Contains("/review#month=2021-08", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains(notice.Attachments.OfType<MimePart>(), a => a.FileName != null && a.FileName.EndsWith(".docx", StringComparison.Ordinal));
        var mail = await MimeMessage.LoadAsync(emls[1].FullName, TestContext.Current.CancellationToken);
        Assert.Equal([DemoEnvironment.Readers], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("北京卫生信息化舆情监测月报（第四十一期） 2021-08", mail.Subject);
        Assert.Contains("北京协和医院发布全国首部互联网医院管理技术规范", mail.TextBody);
        Assert.Contains(mail.Attachments.OfType<MimePart>(), a => a.FileName != null && a.FileName.EndsWith(".docx", StringComparison.Ordinal));
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", "").Replace(':', '：');
}
