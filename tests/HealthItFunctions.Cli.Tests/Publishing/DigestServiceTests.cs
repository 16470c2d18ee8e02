using Azure.Data.Tables;
using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Local;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>
/// The daily digest on Azurite and a real SMTP server. The digest keeps one state row, so these tests live in one
/// class (run one after another) and each starts from no digest ever sent.
/// </summary>
public sealed class DigestServiceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var table = new TableClient(azurite.ConnectionString, "mailstate");
        await table.CreateIfNotExistsAsync(Cancel);
        await table.DeleteEntityAsync("digest", "daily", cancellationToken: Cancel);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task RunAsync_NothingNew_SendsNoMail()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = Today();
        using var host = PublishingHost.Create(azurite, sink, clock);
        // Stored two days ago: before the first digest's one-day window.
        await host.SeedAsync([PublishingHost.Article(month, "旧闻：平谷区卫生信息化", fetchedAt: clock.GetUtcNow().AddDays(-2))]);

        var result = await host.Get<DigestService>().RunAsync(dryRun: false, Cancel);

        Assert.Equal(DigestOutcome.NothingNew, result.Outcome);
        await Task.Delay(200, Cancel);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task RunAsync_NewIncludeAndReviewArticles_MailsThemWithTermsAndLinksOnce()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = Today();
        using var host = PublishingHost.Create(azurite, sink, clock);
        var now = clock.GetUtcNow();
        var seeded = await host.SeedAsync(
        [
            PublishingHost.Article(month, "延庆区智慧医院 & <互联网> 诊疗", fetchedAt: now.AddHours(-3), terms: ["informatization:智慧医院@title×1"]),
            PublishingHost.Article(month, "待审：顺义区健康大数据", RelevanceBand.Review, fetchedAt: now.AddHours(-2)),
            PublishingHost.Article(month, "排除：体育新闻", RelevanceBand.Exclude, fetchedAt: now.AddHours(-2)),
            PublishingHost.Article(month, "旧闻：密云区远程医疗", fetchedAt: now.AddDays(-3)),
            // Stored during the settle time: left for the next digest, not lost.
            PublishingHost.Article(month, "刚入库：昌平区电子病历", fetchedAt: now.AddMinutes(-2)),
        ]);

        var first = await host.Get<DigestService>().RunAsync(dryRun: false, Cancel);
        var second = await host.Get<DigestService>().RunAsync(dryRun: false, Cancel);
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await host.Get<DigestService>().RunAsync(dryRun: false, Cancel);

        Assert.Equal(DigestOutcome.Sent, first.Outcome);
        Assert.Equal([seeded[0].Id], first.Included.Select(a => a.Id));
        Assert.Equal([seeded[1].Id], first.Review.Select(a => a.Id));
        Assert.Equal(DigestOutcome.NothingNew, second.Outcome);
        Assert.Equal([seeded[4].Id], nextDay.Included.Select(a => a.Id));
        var mails = await sink.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, mails.Count);
        var mail = mails[0];
        Assert.Contains("新入选 1 篇，待审 1 篇", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("延庆区智慧医院 &amp; &lt;互联网&gt; 诊疗", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("延庆区智慧医院 & <互联网> 诊疗", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("informatization:智慧医院@title×1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(seeded[0].CanonicalUrl, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{seeded[1].CanonicalUrl}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("排除", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("旧闻", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TwoRacingRuns_SendOneMail()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = Today();
        using var first = PublishingHost.Create(azurite, sink, clock);
        using var second = PublishingHost.Create(azurite, sink, clock);
        await first.SeedAsync([PublishingHost.Article(month, "房山区120调度系统", fetchedAt: clock.GetUtcNow().AddHours(-1))]);

        var results = await Task.WhenAll(
            first.Get<DigestService>().RunAsync(dryRun: false, Cancel),
            second.Get<DigestService>().RunAsync(dryRun: false, Cancel));

        Assert.Single(results, r => r.Outcome == DigestOutcome.Sent);
        // The loser either lost the claim or, starting after the winner's claim, found nothing new in its window.
        Assert.Single(results, r => r.Outcome is DigestOutcome.ClaimedElsewhere or DigestOutcome.NothingNew);
        await Task.Delay(300, Cancel);
        Assert.Single(sink.Received);
    }

    [Fact]
    public async Task DigestCommand_DryRun_PrintsArticlesAndSendsNothingThenRealRunSends()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = Today();
        using var host = PublishingHost.Create(azurite, sink, clock);
        await host.SeedAsync([PublishingHost.Article(month, "亦庄医疗器械数据平台", fetchedAt: clock.GetUtcNow().AddHours(-1))]);
        using var dry = new StringWriter();
        using var real = new StringWriter();

        var dryExit = await DigestCommand.RunAsync(host.Get<DigestService>(), dryRun: true, dry, Cancel);
        var realExit = await DigestCommand.RunAsync(host.Get<DigestService>(), dryRun: false, real, Cancel);

        Assert.Equal((0, 0), (dryExit, realExit));
        Assert.Contains("DryRun", dry.ToString(), StringComparison.Ordinal);
        Assert.Contains("亦庄医疗器械数据平台", dry.ToString(), StringComparison.Ordinal);
        Assert.Contains("Sent", real.ToString(), StringComparison.Ordinal);
        Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    /// <summary>08:00 Beijing on the 15th of a month only this test reads (the digest also reads the month before, also ours).</summary>
    private static (BulletinMonth Month, FakeTimeProvider Clock) Today()
    {
        var month = PublishingHost.TakeMonths(2).Next;
        return (month, new FakeTimeProvider(new DateTimeOffset(month.Year, month.Month, 15, 8, 0, 0, TimeSpan.FromHours(8))));
    }
}
