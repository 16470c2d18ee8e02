using System.Diagnostics;
using HealthItFunctions.Local;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Testing;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Tests.Publishing;

public sealed class MailSettingsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // Looks like a password and is unique, so finding it anywhere is a real leak, not a coincidence.
    private const string Password = "pw-Zq81-ñ-不可泄露-7c3e";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_PasswordSet_ReachesTheServerButNoLogLine()
    {
        await using var server = await AuthenticatingSmtpServer.StartAsync("healthit", Password);
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var logs = new CapturedLogs();
        using var host = PublishingHost.Create(azurite, sink, logs: logs, adjust: s =>
        {
            s["Mail:Port"] = server.Port.ToString();
            s["Mail:User"] = "healthit";
            s["Mail:Password"] = Password;
        });
        var month = PublishingHost.TakeMonths();
        await host.SeedAsync([PublishingHost.Article(month, "大兴区互联网诊疗监管平台")]);

        var result = await host.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);
        var options = host.Get<IOptions<MailOptions>>().Value;

        Assert.Equal(MailState.Sent, result.Mail.State);
        Assert.Equal(1, server.Received);
        Assert.Contains("healthit", server.Logins);
        // The capture sees the mailer's own debug line (which names the user), so a leak there would be seen too.
        Assert.Contains(logs.Lines, line => line.Contains("as healthit", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, options.ToString(), StringComparison.Ordinal);

        // The measured number: one bulletin mail (HTML + text + .docx) over loopback SMTP with AUTH.
        var mailer = host.Get<IMailer>();
        var mail = new OutgoingMail(["editor@healthit.local"], "测量", "正文", "<p>正文</p>",
            [new MailAttachment("月报.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", result.Files.Single(f => f.FileName.EndsWith(".docx", StringComparison.Ordinal)).Content)]);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await mailer.SendAsync(mail, Cancel);
        }

        output.WriteLine($"MEASURE mail send (connect, AUTH, {mail.Attachments![0].Content.Length} byte .docx): {clock.Elapsed.TotalMilliseconds / 5:0.0} ms per mail");
    }

    [Fact]
    public async Task PublishAsync_ServerOffersNoAuth_ErrorNamesTheSettingsAndHidesThePassword()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var logs = new CapturedLogs();
        using var host = PublishingHost.Create(azurite, sink, logs: logs, adjust: s =>
        {
            s["Mail:User"] = "healthit";
            s["Mail:Password"] = Password;
            s["Mail:MaxAttempts"] = "1";
        });
        var month = PublishingHost.TakeMonths();
        await host.SeedAsync([PublishingHost.Article(month, "怀柔区家庭医生签约系统")]);

        var result = await host.Get<BulletinPublisher>().ApproveAndSendAsync(month, Cancel);

        Assert.Equal(MailState.Failed, result.Mail.State);
        var record = await host.Get<IBulletinStore>().GetAsync(month, Cancel);
        Assert.Contains("Mail:User", record!.LastSendError, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, record.LastSendError, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Password, StringComparison.Ordinal));
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task MailOptions_InvalidSettings_FailureNamesEachSettingAndNotThePassword()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink, adjust: s =>
        {
            s["Mail:Port"] = "0";
            s["Mail:Security"] = "Starttls-please";
            s["Mail:Editors"] = "editor@healthit.local; 王编辑";
            s["Mail:MaxAlertsPerDay"] = "-1";
            s["Mail:User"] = "";
            s["Mail:Password"] = Password;
            s["Mail:BulletinLinkLifetime"] = "30.00:00:00";
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<MailOptions>>().Value);

        foreach (var setting in new[] { "Port", "Security", "Editors", "MaxAlertsPerDay", "User", "BulletinLinkLifetime" })
        {
            Assert.Contains(error.Failures, f => f.Contains($"Mail:{setting}", StringComparison.Ordinal) && f.Contains($"Mail__{setting}", StringComparison.Ordinal));
        }

        Assert.Contains(error.Failures, f => f.Contains("王编辑", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Auto")]
    public async Task MailOptions_PasswordWithoutTlsToARemoteServer_RefusedAtStart(string security)
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink, adjust: s =>
        {
            s["Mail:Host"] = "smtp.example.org";
            s["Mail:Security"] = security;
            s["Mail:User"] = "healthit";
            s["Mail:Password"] = Password;
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<MailOptions>>().Value);

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Mail:Security", failure, StringComparison.Ordinal);
        Assert.Contains("StartTls or SslOnConnect", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailOptions_DemoSettings_AreValid()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);

        var options = host.Get<IOptions<MailOptions>>().Value;

        Assert.Equal(2, options.EditorList.Count);
        Assert.Equal(options.EditorList, options.AlertList);
    }
}
