using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Local;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Publishing;

public sealed class BulletinsStatusCommandTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_MonthWithTwoVersionsAndAFailedSend_ListsVersionsBlobsSentAtAndLastError()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var month = PublishingHost.TakeMonths();
        var closedPort = HealthItFunctions.Local.FreePorts.Take(1)[0];
        using var host = PublishingHost.Create(azurite, sink);
        var seeded = await host.SeedAsync([PublishingHost.Article(month, "北京市卫生健康大数据中心揭牌")]);
        var v1 = await host.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);
        await host.Get<IArticleStore>().EditAsync(seeded[0].Id, new ArticleEdit { Title = "北京市卫生健康大数据中心正式揭牌" }, null, Cancel);
        using (var down = PublishingHost.Create(azurite, sink, adjust: s => (s["Mail:Port"], s["Mail:MaxAttempts"]) = (closedPort.ToString(), "1")))
        {
            await down.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);
        }

        using var output = new StringWriter();
        var exit = await BulletinsStatusCommand.RunAsync(host.Get<IBulletinStore>(), month, output, Cancel);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains($"{month}  issue {v1.IssueNumber}  approved  2 version(s)", text, StringComparison.Ordinal);
        Assert.Contains("  approved: v2 by test editor at ", text, StringComparison.Ordinal);
        Assert.Contains("  sent:     v1 to the readers at ", text, StringComparison.Ordinal);
        Assert.Matches($@"bulletins/{month.Year:D4}/{month.Month:D2}/bulletin-{v1.IssueNumber:D3}-v1-[0-9a-f]{{12}}\.docx", text);
        Assert.Matches($@"bulletins/{month.Year:D4}/{month.Month:D2}/bulletin-{v1.IssueNumber:D3}-v2-[0-9a-f]{{12}}\.md", text);
        Assert.Matches(@"last send error: .* v2 attempt 1: Could not reach the mail server 127\.0\.0\.1:\d+", text);
    }

    [Fact]
    public async Task RunAsync_MonthNeverPublished_SaysSoAndExitsZero()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        using var output = new StringWriter();

        var exit = await BulletinsStatusCommand.RunAsync(host.Get<IBulletinStore>(), PublishingHost.TakeMonths(), output, Cancel);

        Assert.Equal((0, ""), (exit, output.ToString()));
    }

    [Fact]
    public void BuildRoot_BulletinsGroup_HasStatusAndDigestIsTopLevel()
    {
        var root = new CliApplication([new BulletinsStatusCommand(null!), new DigestCommand(null!)], new CliDescription("healthit")).BuildRoot();

        Assert.Contains(root.Subcommands.Single(c => c.Name == "bulletins").Subcommands, c => c.Name == "status");
        Assert.Contains(root.Subcommands.Single(c => c.Name == "digest").Options, o => o.Name == "--dry-run");
    }
}
