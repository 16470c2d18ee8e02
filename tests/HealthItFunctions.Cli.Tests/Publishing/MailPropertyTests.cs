using CsCheck;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Fuzzing;
using HealthItFunctions.Local;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>
/// Hostile strings (XML-invalid code points, lone surrogates, CR/LF header injection, very long lines, bidi marks) in
/// every field the bulletin, draft-notice and digest mails quote: the property (HealthItFunctions.Fuzzing) over many
/// inputs in memory, and a sample through the real SMTP server.
/// </summary>
public sealed class MailPropertyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Compose_HostileStrings_MimeParsesBackIntactWithoutInjectedHeaders()
    {
        var tally = FuzzRunner.Run(MailProperties.Target(), FuzzRunner.TestSeed, inputs: 40);

        output.WriteLine($"mail: {tally.Inputs} inputs (3 mails each), worst {tally.Worst.TotalMilliseconds:0} ms");
        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures.Take(5).Select(f => $"{f.Replay} (size {f.Size}): {f.Problem}")));
    }

    [Fact]
    public async Task SendAsync_HostileMailsThroughSmtpServer_ArriveIntactWithNoExtraHeader()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        var mailer = host.Get<IMailer>();
        var mails = Enumerable.Range(0, 4).SelectMany(i => MailProperties.Mails.Generate(FuzzRunner.Stream(FuzzRunner.TestSeed, i), null, out _)).ToList();

        foreach (var mail in mails)
        {
            await mailer.SendAsync(mail, Cancel);
        }

        var received = await sink.WaitForAsync(mails.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(mails.Count, received.Count);
        foreach (var (mail, arrived) in mails.Zip(received))
        {
            MailProperties.CheckArrived(mail, MailProperties.ToMime(mail), arrived);
        }
    }

    [Fact]
    public async Task SendAsync_CrLfInSubjectAndPathInAttachmentName_OneLineSubjectNoBccSafeFileName()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        var longName = new string('北', 300) + ".docx";
        var mail = new OutgoingMail(
            ["reader@healthit.local"],
            "\r\n月报\r\nBcc: victim@example.org\u2028X-Injected: 1",
            "正文",
            Attachments: [new MailAttachment("../../etc/月报\r\n.docx", "application/octet-stream", [1, 2, 3]), new MailAttachment(longName, "application/octet-stream", [4])]);

        await host.Get<IMailer>().SendAsync(mail, Cancel);

        var received = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("月报 Bcc: victim@example.org X-Injected: 1", received.Subject);
        Assert.Empty(received.Bcc);
        Assert.DoesNotContain(received.Headers, h => h.Field is "Bcc" or "X-Injected");
        var names = received.Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName).ToList();
        Assert.Equal(".._.._etc_月报 .docx", names[0]);
        Assert.Equal(120, names[1]!.Length);
        Assert.EndsWith("北.docx", names[1], StringComparison.Ordinal);
    }
}
