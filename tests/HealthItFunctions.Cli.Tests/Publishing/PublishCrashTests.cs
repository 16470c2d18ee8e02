using System.Security.Cryptography;
using Azure.Storage.Blobs;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Local;
using HealthItFunctions.Testing;
using HealthItFunctions.Testing.Faults;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>
/// A worker killed between any two storage writes of publishing, then a fresh process retrying: Azurite keeps what
/// was written, the real SMTP sink counts what was sent. The retry must converge to one archived version whose blobs
/// carry the recorded words, and one mail per recipient list; the only duplicate allowed is the documented window
/// (after the server's 250, before the "sent" record), and it carries the same Message-ID as the first copy.
/// </summary>
public sealed class PublishCrashTests(AzuriteFixture azurite)
{
    // The writes a fresh process makes in a clean run, in order. A theory case per crash point covers each gap; the
    // last case is the clean run itself. A change to the write sequence fails here first: extend the lists.
    //   draft:      articles table, bulletins table, bulletins container, .md, .html, .docx, record (v1),
    //               notice "sending", [SMTP], notice "sent"
    private const int DraftWrites = 9;
    private const int DraftSentRecordWrite = 9;

    //   approve:    articles table, bulletins table, approval, readers' mail "sending", [SMTP], "sent"
    private const int ApproveWrites = 5;
    private const int ApproveSentRecordWrite = 5;

    //   distribute: articles table, bulletins table, readers' mail "sending", [SMTP], "sent"
    private const int DistributeWrites = 4;
    private const int DistributeSentRecordWrite = 4;

    private const string Editors = "editor-a@healthit.local";
    private const string Readers = "reader-a@healthit.local";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<int> DraftCrashPoints => CrashPoints(DraftWrites);

    public static TheoryData<int> ApproveCrashPoints => CrashPoints(ApproveWrites);

    public static TheoryData<int> DistributeCrashPoints => CrashPoints(DistributeWrites);

    [Theory]
    [MemberData(nameof(DraftCrashPoints))]
    public async Task PublishPreviousMonthAsync_CrashAfterEachWrite_RetryArchivesOneVersionAndNotifiesOnce(int writesBeforeCrash)
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = MonthEnd();
        using (var setup = PublishingHost.Create(azurite, sink, clock))
        {
            await setup.SeedAsync([PublishingHost.Article(month, "顺义区互联网诊疗平台上线")]);
        }

        var crash = new CrashAfterWrites(writesBeforeCrash);
        await RunUntilCrashAsync(sink, clock, crash, host => host.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel));
        Assert.Equal(writesBeforeCrash < DraftWrites, crash.Crashed);

        using var retry = await RetryAsync(sink, clock, host => host.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel));

        var record = await retry.Get<IBulletinStore>().GetAsync(month, Cancel);
        var version = Assert.Single(record!.Versions);
        await AssertArchiveMatchesRecordAsync(record);
        Assert.Equal(version.SelectionHash, record.NotifiedSelection);
        AssertOneMail(sink.Received, Editors, duplicateAllowed: writesBeforeCrash == DraftSentRecordWrite - 1);
    }

    [Theory]
    [MemberData(nameof(DraftCrashPoints))]
    public async Task PublishPreviousMonthAsync_CrashThenSelectionChanges_ArchivedBlobsCarryTheRecordedWords(int writesBeforeCrash)
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = MonthEnd();
        using var setup = PublishingHost.Create(azurite, sink, clock);
        await setup.SeedAsync([PublishingHost.Article(month, "房山区电子健康档案开放")]);

        var crash = new CrashAfterWrites(writesBeforeCrash);
        await RunUntilCrashAsync(sink, clock, crash, host => host.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel));
        // A late item is stored before the retry: the retry renders other words than the crashed run archived.
        await setup.SeedAsync([PublishingHost.Article(month, "密云区远程影像诊断覆盖乡镇")]);
        using var retry = await RetryAsync(sink, clock, host => host.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel));

        var record = await retry.Get<IBulletinStore>().GetAsync(month, Cancel);
        await AssertArchiveMatchesRecordAsync(record!);
        var current = await retry.Get<BulletinPublisher>().PreviewAsync(month, Cancel);
        Assert.Equal(current.ContentHash, record!.Latest!.ContentHash);
        Assert.Equal(current.SelectionHash, record.NotifiedSelection);
    }

    [Theory]
    [MemberData(nameof(ApproveCrashPoints))]
    public async Task ApproveAsync_CrashAfterEachWrite_EditorRetrySendsReadersOneMail(int writesBeforeCrash)
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = MonthEnd();
        string hash;
        using (var setup = PublishingHost.Create(azurite, sink, clock))
        {
            await setup.SeedAsync([PublishingHost.Article(month, "平谷区家庭医生签约上线")]);
            await setup.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel);
            hash = (await setup.Get<BulletinPublisher>().PreviewAsync(month, Cancel)).ContentHash;
        }

        var crash = new CrashAfterWrites(writesBeforeCrash);
        await RunUntilCrashAsync(sink, clock, crash, host => host.Get<BulletinPublisher>().ApproveAsync(month, hash, "editor", confirmResend: false, Cancel));
        Assert.Equal(writesBeforeCrash < ApproveWrites, crash.Crashed);

        // The editor, told the approval failed, presses approve again.
        using var retry = await RetryAsync(sink, clock, host => host.Get<BulletinPublisher>().ApproveAsync(month, hash, "editor", confirmResend: false, Cancel));

        var record = await retry.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Equal((BulletinStage.Sent, 1, 1), (record!.Stage, record.SentVersion, record.Versions.Count));
        Assert.Null(record.ClaimedVersion);
        AssertOneMail(sink.Received, Editors, duplicateAllowed: false);
        AssertOneMail(sink.Received, Readers, duplicateAllowed: writesBeforeCrash == ApproveSentRecordWrite - 1);
    }

    [Theory]
    [MemberData(nameof(DistributeCrashPoints))]
    public async Task PublishPreviousMonthAsync_ApprovedCrashAfterEachWrite_NextRunSendsReadersOneMail(int writesBeforeCrash)
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = MonthEnd();
        using (var setup = PublishingHost.Create(azurite, sink, clock))
        {
            await setup.SeedAsync([PublishingHost.Article(month, "怀柔区检验结果互认")]);
            await setup.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel);
            // Approved, its readers' mail not yet sent: what a failed send or an approval from another host leaves.
            var store = setup.Get<IBulletinStore>();
            var draft = await store.GetAsync(month, Cancel);
            Assert.NotNull(await store.TrySaveAsync(draft! with { ApprovedVersion = 1, ApprovedBy = "editor", ApprovedAt = clock.GetUtcNow() }, Cancel));
        }

        var crash = new CrashAfterWrites(writesBeforeCrash);
        await RunUntilCrashAsync(sink, clock, crash, host => host.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel));
        Assert.Equal(writesBeforeCrash < DistributeWrites, crash.Crashed);

        using var retry = await RetryAsync(sink, clock, host => host.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel));

        var record = await retry.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Equal((BulletinStage.Sent, 1), (record!.Stage, record.SentVersion));
        AssertOneMail(sink.Received, Readers, duplicateAllowed: writesBeforeCrash == DistributeSentRecordWrite - 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PublishPreviousMonthAsync_WorkerDiesAroundNoticeSend_RetryNotifiesEditorsOnce(bool afterServerAccepted)
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = MonthEnd();
        using (var setup = PublishingHost.Create(azurite, sink, clock))
        {
            await setup.SeedAsync([PublishingHost.Article(month, "昌平区医疗机构数据上云")]);
        }

        await RunUntilDeathAtSendAsync(sink, clock, afterServerAccepted, host => host.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel));
        using var retry = await RetryAsync(sink, clock, host => host.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel));

        var record = await retry.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Equal(record!.Latest!.SelectionHash, record.NotifiedSelection);
        Assert.Null(record.NoticeClaimedAt);
        AssertOneMail(sink.Received, Editors, duplicateAllowed: afterServerAccepted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApproveAsync_WorkerDiesAroundReadersSend_RetrySendsReadersOnce(bool afterServerAccepted)
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = MonthEnd();
        string hash;
        using (var setup = PublishingHost.Create(azurite, sink, clock))
        {
            await setup.SeedAsync([PublishingHost.Article(month, "大兴区区域影像中心启用")]);
            await setup.Get<BulletinPublisher>().PublishPreviousMonthAsync(Cancel);
            hash = (await setup.Get<BulletinPublisher>().PreviewAsync(month, Cancel)).ContentHash;
        }

        await RunUntilDeathAtSendAsync(sink, clock, afterServerAccepted, host => host.Get<BulletinPublisher>().ApproveAsync(month, hash, "editor", confirmResend: false, Cancel));
        using var retry = await RetryAsync(sink, clock, host => host.Get<BulletinPublisher>().ApproveAsync(month, hash, "editor", confirmResend: false, Cancel));

        var record = await retry.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Equal((BulletinStage.Sent, 1), (record!.Stage, record.SentVersion));
        Assert.Null(record.ClaimedVersion);
        AssertOneMail(sink.Received, Readers, duplicateAllowed: afterServerAccepted);
    }

    [Fact]
    public async Task ApproveAsync_ConnectionDropsAfterServerAccepted_ResendsWithTheSameMessageId()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var (month, clock) = MonthEnd();
        using var host = PublishingHost.Create(azurite, sink, clock, s => s["Mail:RetryDelay"] = "00:00:00", decorateMailer: m => new DropsAfterAccepting(m, dropFirst: 1));
        await host.SeedAsync([PublishingHost.Article(month, "延庆区智慧急救系统")]);

        var result = await host.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);

        // The server has the first copy, the client saw an error, the retry sent a second: the same Message-ID lets
        // the readers' clients show one.
        Assert.Equal((MailState.Sent, 2), (result.Mail.State, result.Mail.Attempts));
        var copies = sink.Received.Where(m => IsTo(m, Readers)).ToList();
        Assert.Equal(2, copies.Count);
        Assert.Single(copies.Select(m => m.MessageId).Distinct());
    }

    private static TheoryData<int> CrashPoints(int cleanWrites) => new(Enumerable.Range(0, cleanWrites + 1));

    private static (BulletinMonth Month, FakeTimeProvider Clock) MonthEnd()
    {
        var month = PublishingHost.TakeMonths();
        // 00:05 Beijing on the 1st of the next month, when the month-end timer fires.
        return (month, new FakeTimeProvider(new DateTimeOffset(month.Next.Year, month.Next.Month, 1, 0, 5, 0, TimeSpan.FromHours(8))));
    }

    /// <summary>A worker that dies at the crash point: its process (host) is gone, whatever it wrote stays.</summary>
    private async Task RunUntilCrashAsync(SmtpSink sink, TimeProvider clock, CrashAfterWrites crash, Func<PublishingHost, Task> run)
    {
        using var host = PublishingHost.Create(azurite, sink, clock, storagePolicy: crash);
        try
        {
            await run(host);
        }
        catch (SimulatedCrashException)
        {
        }
    }

    /// <summary>A worker stopped by its host right before the SMTP send, or right after the server accepted the mail.</summary>
    private async Task RunUntilDeathAtSendAsync(SmtpSink sink, TimeProvider clock, bool afterServerAccepted, Func<PublishingHost, Task> run)
    {
        using var host = PublishingHost.Create(azurite, sink, clock, decorateMailer: m => new DiesAtSend(m, afterServerAccepted));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run(host));
    }

    /// <summary>A fresh process retrying later than a dead worker's mail claim lasts.</summary>
    private async Task<PublishingHost> RetryAsync(SmtpSink sink, FakeTimeProvider clock, Func<PublishingHost, Task> run)
    {
        clock.Advance(MailClaim.Lifetime + TimeSpan.FromMinutes(1));
        var host = PublishingHost.Create(azurite, sink, clock);
        await run(host);
        return host;
    }

    /// <summary>Every recorded version's blobs are that version's: the Markdown hashes to the recorded content hash.</summary>
    private async Task AssertArchiveMatchesRecordAsync(BulletinRecord record)
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "bulletins");
        foreach (var version in record.Versions)
        {
            Assert.Equal(3, version.BlobNames.Count);
            foreach (var name in version.BlobNames)
            {
                var blob = container.GetBlobClient(name);
                Assert.Equal(version.ContentHash, (await blob.GetPropertiesAsync(cancellationToken: Cancel)).Value.Metadata["contenthash"]);
                if (name.EndsWith(".md", StringComparison.Ordinal))
                {
                    var words = (await blob.DownloadContentAsync(Cancel)).Value.Content.ToArray();
                    Assert.Equal(version.ContentHash, Convert.ToHexStringLower(SHA256.HashData(words)));
                }
            }
        }
    }

    /// <summary>One mail to the list, or, in the at-least-once window, two copies of one message (one Message-ID).</summary>
    private static void AssertOneMail(IReadOnlyList<MimeMessage> received, string recipient, bool duplicateAllowed)
    {
        var mails = received.Where(m => IsTo(m, recipient)).ToList();
        Assert.Single(mails.Select(m => m.MessageId).Distinct());
        Assert.Equal(duplicateAllowed ? 2 : 1, mails.Count);
    }

    private static bool IsTo(MimeMessage message, string recipient) =>
        message.To.Mailboxes.Any(m => m.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The host stopping the worker: cancellation is what the send loop lets through (it retries every other error),
    /// so nothing after this point runs, as in a killed process.
    /// </summary>
    private sealed class DiesAtSend(IMailer inner, bool afterServerAccepted) : IMailer
    {
        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            if (afterServerAccepted)
            {
                await inner.SendAsync(mail, cancellationToken);
            }

            throw new OperationCanceledException("The worker was stopped (simulated).");
        }
    }

    /// <summary>The server stores the message, then the connection breaks before its 250 reaches us.</summary>
    private sealed class DropsAfterAccepting(IMailer inner, int dropFirst) : IMailer
    {
        private int _sent;

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            await inner.SendAsync(mail, cancellationToken);
            if (Interlocked.Increment(ref _sent) <= dropFirst)
            {
                throw new IOException("The connection was closed after the message data (simulated).");
            }
        }
    }
}
