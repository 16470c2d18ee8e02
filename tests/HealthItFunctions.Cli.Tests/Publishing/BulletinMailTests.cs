using System.Diagnostics;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Local;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Infrastructure.Storage;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>The bulletin mail as the editors receive it: Azurite, the app's container, a real SMTP server on 127.0.0.1.</summary>
public sealed class BulletinMailTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAsync_ChineseMonth_MailHasSubjectUtf8BodyDocxAttachmentAndArchiveLink()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        var month = PublishingHost.TakeMonths();
        var titles = new[] { "北京市互联网医院建设提速", "首都医疗数据共享平台上线", "朝阳区推广电子健康卡" };
        await host.SeedAsync(titles.Select((t, i) => PublishingHost.Article(month, t, order: i + 1)));
        var counter = host.Get<StorageTransactionCounter>();
        var before = counter.Total;

        var clock = Stopwatch.StartNew();
        var result = await host.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);
        var elapsed = clock.Elapsed;
        var transactions = counter.Total - before;

        Assert.Equal(MailState.Sent, result.Mail.State);
        var mail = Assert.Single(sink.Received);
        Assert.Contains(BulletinWording.IssueLine(result.IssueNumber), mail.Subject, StringComparison.Ordinal);
        Assert.Contains(month.ToString(), mail.Subject, StringComparison.Ordinal);
        Assert.Contains("北京卫生信息化舆情监测月报", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(["reader-a@healthit.local", "reader-b@healthit.local"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.All(titles, t => Assert.Contains(t, mail.TextBody, StringComparison.Ordinal));
        Assert.All(titles, t => Assert.Contains(t, mail.HtmlBody, StringComparison.Ordinal));

        var attachment = ReceivedMail.Docx(mail);
        Assert.Equal($"{mail.Subject}.docx", attachment.FileName);
        // RFC 2231: the UTF-8 filename travels percent-encoded in filename* (split into numbered continuations
        // when long), so the headers stay 7-bit whatever the relays support.
        var raw = ReceivedMail.Raw(mail);
        Assert.Matches(@"filename\*(0\*)?=utf-8''%E5%8C%97%E4%BA%AC", raw);
        Assert.All(raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)], c => Assert.True(c < 128, "The top-level headers carry a raw non-ASCII character."));
        var text = ReceivedMail.DocxText(ReceivedMail.Bytes(attachment));
        Assert.Contains("目录", text, StringComparison.Ordinal);
        Assert.All(titles, t => Assert.Contains(t, text, StringComparison.Ordinal));

        // The link is a service SAS here (Azurite's key): it reads the archived blob without any other credential.
        var link = ReceivedMail.ArchiveLink(mail);
        Assert.Contains("sig=", link.Query, StringComparison.Ordinal);
        Assert.EndsWith($"{result.BlobNames.Single(n => n.EndsWith(".docx", StringComparison.Ordinal))}", link.AbsolutePath, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(ReceivedMail.Bytes(attachment), await http.GetByteArrayAsync(link, Cancel));
        Assert.Contains(link.AbsoluteUri, mail.TextBody, StringComparison.Ordinal);

        output.WriteLine($"MEASURE first publish incl. mail (3 articles, 3 blobs, bulletins table/container created): {elapsed.TotalMilliseconds:0} ms, {transactions} storage transactions");
    }

    [Fact]
    public async Task PublishAsync_TitleWithScriptAndAmpersand_EscapedInHtmlAndLiteralInDocx()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        var month = PublishingHost.TakeMonths();
        const string hostile = "医院<script>alert('x')</script> & 数据中心";
        await host.SeedAsync([PublishingHost.Article(month, hostile)]);

        await host.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);

        var mail = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("医院&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&amp; 数据中心", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(hostile, ReceivedMail.DocxText(ReceivedMail.Bytes(ReceivedMail.Docx(mail))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishPreviousMonthAsync_DraftLateItemApproval_NoticesOnSelectionChangeAndOneReaderMail()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var month = PublishingHost.TakeMonths();
        // 00:05 Beijing on the 1st of the next month, when the timer fires: still the previous day in UTC.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(
            new DateTimeOffset(month.Next.Year, month.Next.Month, 1, 0, 5, 0, TimeSpan.FromHours(8)));
        using var host = PublishingHost.Create(azurite, sink, clock);
        await host.SeedAsync([PublishingHost.Article(month, "海淀区智慧医疗试点")]);
        var publisher = host.Get<BulletinPublisher>();

        // Month end: a draft, and a notice to the editors with the draft attached. Nothing for the readers yet.
        var draft = await publisher.PublishPreviousMonthAsync(Cancel);
        Assert.Equal((BulletinStage.Draft, MailState.Sent, MailState.NotRequested), (draft!.Stage, draft.Notice!.State, draft.Mail.State));
        var notice = Assert.Single(sink.Received);
        Assert.Equal(["editor-a@healthit.local", "editor-b@healthit.local"], notice.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("共 1 条", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://healthit.example.org/api/review#month={month}", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("海淀区智慧医疗试点", ReceivedMail.DocxText(ReceivedMail.Bytes(ReceivedMail.Docx(notice))), StringComparison.Ordinal);

        // The next day: unchanged, so the rebuild stays quiet.
        clock.Advance(TimeSpan.FromDays(1));
        var unchanged = await publisher.PublishPreviousMonthAsync(Cancel);
        Assert.Equal((1, MailState.AlreadySent), (unchanged!.Version, unchanged.Notice!.State));
        Assert.Single(sink.Received);

        // An item published in the month's last hour is stored a day late: the next daily run adds it and tells the editors.
        await host.SeedAsync([PublishingHost.Article(month, "西城区电子病历共享上线")]);
        clock.Advance(TimeSpan.FromDays(1));
        var late = await publisher.PublishPreviousMonthAsync(Cancel);
        Assert.Equal((2, 2, MailState.Sent), (late!.Version, late.ArticleCount, late.Notice!.State));
        Assert.Equal(2, sink.Received.Count);
        Assert.Contains("共 2 条", sink.Received[1].TextBody, StringComparison.Ordinal);

        // The editor approves what they previewed: one mail to the readers, recorded with who and when.
        var approved = await publisher.ApproveAndSendAsync(month, Cancel);
        Assert.Equal((BulletinStage.Sent, MailState.Sent, 2), (approved.Stage, approved.Mail.State, approved.Version));
        Assert.Equal(3, sink.Received.Count);
        Assert.Equal(["reader-a@healthit.local", "reader-b@healthit.local"], sink.Received[2].To.Mailboxes.Select(m => m.Address));
        Assert.Contains("西城区电子病历共享上线", sink.Received[2].TextBody, StringComparison.Ordinal);
        var record = await host.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Equal(("test editor", clock.GetUtcNow(), 2), (record!.ApprovedBy, record.ApprovedAt, record.SentVersion));

        // A second approval and the following daily runs send nothing.
        var again = await publisher.ApproveAndSendAsync(month, Cancel);
        Assert.Equal(MailState.AlreadySent, again.Mail.State);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await publisher.PublishPreviousMonthAsync(Cancel));
        await Task.Delay(200, Cancel);
        Assert.Equal(3, sink.Received.Count);
    }

    [Fact]
    public async Task ApproveAsync_ContentChangedSincePreview_RefusesAndSendsNothing()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        var month = PublishingHost.TakeMonths();
        var seeded = await host.SeedAsync([PublishingHost.Article(month, "丰台区预约挂号平台")]);
        var publisher = host.Get<BulletinPublisher>();
        var previewed = await publisher.PreviewAsync(month, Cancel);
        await host.Get<IArticleStore>().EditAsync(seeded[0].Id, new ArticleEdit { Title = "丰台区统一预约挂号平台上线" }, null, Cancel);

        var approval = await publisher.ApproveAsync(month, previewed.ContentHash, "test editor", confirmResend: false, Cancel);

        Assert.Equal(ApprovalOutcome.Changed, approval.Outcome);
        Assert.NotEqual(previewed.ContentHash, approval.CurrentHash);
        Assert.Empty(sink.Received);
        Assert.Equal(0, (await host.Get<IBulletinStore>().GetAsync(month, Cancel))?.ApprovedVersion ?? 0);
    }

    [Fact]
    public async Task PublishPreviousMonthAsync_AutoDistributeAfterDays_ApprovesAsAutoOnceTheDaysHavePassed()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var month = PublishingHost.TakeMonths();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(
            new DateTimeOffset(month.Next.Year, month.Next.Month, 1, 0, 5, 0, TimeSpan.FromHours(8)));
        using var host = PublishingHost.Create(azurite, sink, clock, s => s["Bulletin:AutoDistributeAfterDays"] = "3");
        await host.SeedAsync([PublishingHost.Article(month, "昌平区家庭医生签约App")]);
        var publisher = host.Get<BulletinPublisher>();

        await publisher.PublishPreviousMonthAsync(Cancel);
        clock.Advance(TimeSpan.FromDays(2));
        var waiting = await publisher.PublishPreviousMonthAsync(Cancel);
        clock.Advance(TimeSpan.FromDays(1));
        var distributed = await publisher.PublishPreviousMonthAsync(Cancel);

        Assert.Equal(BulletinStage.Draft, waiting!.Stage);
        Assert.Equal((BulletinStage.Sent, MailState.Sent), (distributed!.Stage, distributed.Mail.State));
        Assert.Equal(BulletinPublisher.AutomaticApprover, (await host.Get<IBulletinStore>().GetAsync(month, Cancel))!.ApprovedBy);
        Assert.Equal(2, sink.Received.Count);
    }

    [Fact]
    public async Task PublishAsync_UnchangedRerun_CreatesNoVersionAndSendsNothing()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        var month = PublishingHost.TakeMonths();
        await host.SeedAsync([PublishingHost.Article(month, "通州区卫生信息平台升级")]);
        var publisher = host.Get<BulletinPublisher>();
        await publisher.ApproveAndSendAsync(month, Cancel);
        var counter = host.Get<StorageTransactionCounter>();
        var before = counter.Total;

        var rerun = await publisher.ApproveAndSendAsync(month, Cancel);

        Assert.False(rerun.IsNewVersion);
        Assert.Equal(1, rerun.Version);
        Assert.Equal(MailState.AlreadySent, rerun.Mail.State);
        var record = await host.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Single(record!.Versions);
        Assert.Single(sink.Received);
        output.WriteLine($"MEASURE unchanged re-run: {counter.Total - before} storage transactions");
    }

    [Fact]
    public async Task PublishAsync_SelectionEdited_ArchivesNextVersionKeepsOldAndMailsItOnce()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        var month = PublishingHost.TakeMonths();
        var seeded = await host.SeedAsync([PublishingHost.Article(month, "西城区医联体信息化"), PublishingHost.Article(month, "东城区远程会诊")]);
        var publisher = host.Get<BulletinPublisher>();
        var v1 = await publisher.ApproveAndSendAsync(month, Cancel);
        await host.Get<Core.Articles.IArticleStore>().EditAsync(seeded[1].Id, new Core.Articles.ArticleEdit { Title = "东城区远程会诊覆盖全部社区" }, null, Cancel);

        var v2 = await publisher.ApproveAndSendAsync(month, Cancel);
        var again = await publisher.ApproveAndSendAsync(month, Cancel);

        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.True(v2.IsNewVersion);
        Assert.Equal(MailState.Sent, v2.Mail.State);
        Assert.Equal(MailState.AlreadySent, again.Mail.State);
        Assert.Equal(2, sink.Received.Count);
        Assert.Contains("东城区远程会诊覆盖全部社区", sink.Received[1].TextBody, StringComparison.Ordinal);
        var archive = host.Get<IBulletinArchive>();
        Assert.All(v1.BlobNames.Concat(v2.BlobNames), name => Assert.Matches($@"^{month.Year:D4}/{month.Month:D2}/bulletin-\d{{3}}-v[12]-[0-9a-f]{{12}}\.(md|html|docx)$", name));
        foreach (var name in v1.BlobNames)
        {
            Assert.NotNull(await archive.ReadAsync(name, Cancel));
        }

        var container = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, "bulletins");
        var docxV1 = (await container.GetBlobClient(v1.BlobNames.Single(n => n.EndsWith(".docx", StringComparison.Ordinal))).GetPropertiesAsync(cancellationToken: Cancel)).Value;
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxV1.ContentType);
        Assert.Equal(("1", "2", v1.IssueNumber.ToString(), month.ToString()),
            (docxV1.Metadata["version"], docxV1.Metadata["articles"], docxV1.Metadata["issue"], docxV1.Metadata["month"]));
        var record = await host.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Equal(record!.Versions[0].ContentHash, docxV1.Metadata["contenthash"]);
        Assert.NotEqual(record.Versions[0].ContentHash, record.Versions[1].ContentHash);
        Assert.Equal([1, 2], record.Versions.Select(v => v.Version));
        Assert.Equal(2, record.SentVersion);
    }

    [Fact]
    public async Task PublishAsync_TwoRacingRuns_SendOneMail()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        // Two containers, as two instances of the app would be: nothing shared but storage and the mail server.
        using var first = PublishingHost.Create(azurite, sink);
        using var second = PublishingHost.Create(azurite, sink);
        var month = PublishingHost.TakeMonths();
        await first.SeedAsync([PublishingHost.Article(month, "丰台区检查检验结果互认")]);

        var results = await Task.WhenAll(
            first.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel),
            second.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel));

        Assert.Equal([1, 1], results.Select(r => r.Version));
        Assert.Single(results, r => r.Mail.State == MailState.Sent);
        await Task.Delay(300, Cancel);
        Assert.Single(sink.Received);
        var record = await first.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Single(record!.Versions);
    }

    [Fact]
    public async Task PublishAsync_SmtpRefusesFirstAttempt_RetriesAfterBackoffAndRecordShowsTheError()
    {
        await using var sink = await SmtpSink.StartAsync(refuseFirst: 1, cancellationToken: Cancel);
        var month = PublishingHost.TakeMonths();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(month.Next.Year, month.Next.Month, 1, 0, 5, 0, TimeSpan.FromHours(8)));
        using var host = PublishingHost.Create(azurite, sink, clock, s => s["Mail:RetryDelay"] = "00:01:00");
        await host.SeedAsync([PublishingHost.Article(month, "石景山区健康档案开放查询")]);

        var publishing = host.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);
        await WaitUntilAsync(() => sink.Refused == 1);
        // The retry waits for the backoff on the injected clock: nothing arrives until it has passed.
        await Task.Delay(300, Cancel);
        Assert.Empty(sink.Received);
        while (!publishing.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(publishing, Task.Delay(50, Cancel));
        }

        var result = await publishing;
        Assert.Equal(MailState.Sent, result.Mail.State);
        Assert.Equal(2, result.Mail.Attempts);
        Assert.Single(sink.Received);
        var record = await host.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Equal(1, record!.SentVersion);
        Assert.Contains("attempt 1", record.LastSendError, StringComparison.Ordinal);
        Assert.Contains("refused on purpose", record.LastSendError, StringComparison.Ordinal);
        Assert.Null(record.ClaimedVersion);
    }

    [Fact]
    public async Task PublishAsync_MailServerDown_BulletinStaysArchivedAndNextRunSends()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var month = PublishingHost.TakeMonths();
        var closedPort = HealthItFunctions.Local.FreePorts.Take(1)[0];
        using (var down = PublishingHost.Create(azurite, sink, adjust: s => (s["Mail:Port"], s["Mail:MaxAttempts"]) = (closedPort.ToString(), "2")))
        {
            await down.SeedAsync([PublishingHost.Article(month, "门头沟区基层医疗信息系统")]);

            var failed = await down.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);

            Assert.Equal((MailState.Failed, 2), (failed.Mail.State, failed.Mail.Attempts));
            var record = await down.Get<IBulletinStore>().GetAsync(month, Cancel);
            Assert.Equal((1, 0), (record!.Versions.Count, record.SentVersion));
            Assert.Contains("Mail:Host", record.LastSendError, StringComparison.Ordinal);
            Assert.NotNull(await down.Get<IBulletinArchive>().ReadAsync(failed.BlobNames[0], Cancel));
        }

        using var up = PublishingHost.Create(azurite, sink);
        var retried = await up.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);

        Assert.Equal((MailState.Sent, false), (retried.Mail.State, retried.IsNewVersion));
        Assert.Single(sink.Received);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the SMTP server.");
            await Task.Delay(20, Cancel);
        }
    }
}
