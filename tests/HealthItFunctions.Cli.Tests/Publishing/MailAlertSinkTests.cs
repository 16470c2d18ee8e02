using HealthItFunctions.Local;
using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>Source alerts through the app's IAlertSink: state and the daily cap in Azurite, mail to a real SMTP server.</summary>
public sealed class MailAlertSinkTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RaiseAsync_IncidentRaisedRepeatedlyThenRecovered_OneAlertAndOneRecoveryMail()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var clock = UnusedDay();
        using var host = PublishingHost.Create(azurite, sink, clock);
        var alerts = host.Get<IAlertSink>();
        var source = Source();

        for (var poll = 0; poll < 3; poll++)
        {
            await alerts.RaiseAsync(new SourceIncident(source, IncidentKinds.Failing, false, "HTTP 503 from www.bjchp.gov.cn", clock.GetUtcNow()), Cancel);
        }

        await alerts.RaiseAsync(new SourceIncident(source, IncidentKinds.Failing, true, "HTTP 200 again", clock.GetUtcNow().AddHours(1)), Cancel);
        await alerts.RaiseAsync(new SourceIncident(source, IncidentKinds.Failing, true, "HTTP 200 again", clock.GetUtcNow().AddHours(2)), Cancel);

        var mails = await sink.WaitForAsync(2, TimeSpan.FromSeconds(10));
        await Task.Delay(200, Cancel);
        Assert.Equal(2, sink.Received.Count);
        Assert.Contains("[信息源告警]", mails[0].Subject, StringComparison.Ordinal);
        Assert.Contains(source, mails[0].Subject, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("[信息源恢复]", mails[1].Subject, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", mails[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseAsync_RecoveryOfNoOpenIncident_SendsNothing()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var clock = UnusedDay();
        using var host = PublishingHost.Create(azurite, sink, clock);

        await host.Get<IAlertSink>().RaiseAsync(new SourceIncident(Source(), IncidentKinds.Silent, true, "new links again", clock.GetUtcNow()), Cancel);

        await Task.Delay(300, Cancel);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task RaiseAsync_MoreIncidentsThanTheDailyCap_MailsTheCapThenResumesNextDay()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var clock = UnusedDay();
        using var host = PublishingHost.Create(azurite, sink, clock, s => s["Mail:MaxAlertsPerDay"] = "2");
        var alerts = host.Get<IAlertSink>();

        for (var i = 0; i < 4; i++)
        {
            await alerts.RaiseAsync(new SourceIncident(Source(), IncidentKinds.RuleBroken, false, "no list items matched", clock.GetUtcNow()), Cancel);
        }

        clock.Advance(TimeSpan.FromDays(1));
        await alerts.RaiseAsync(new SourceIncident(Source(), IncidentKinds.Failing, false, "timeout", clock.GetUtcNow()), Cancel);

        await sink.WaitForAsync(3, TimeSpan.FromSeconds(10));
        await Task.Delay(200, Cancel);
        Assert.Equal(3, sink.Received.Count);
        Assert.Contains("timeout", sink.Received[2].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseAsync_ParallelPollsRaiseTheSameIncident_OneMail()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var clock = UnusedDay();
        using var first = PublishingHost.Create(azurite, sink, clock);
        using var second = PublishingHost.Create(azurite, sink, clock);
        var incident = new SourceIncident(Source(), IncidentKinds.Failing, false, "connection refused", clock.GetUtcNow());

        await Task.WhenAll(first.Get<IAlertSink>().RaiseAsync(incident, Cancel), second.Get<IAlertSink>().RaiseAsync(incident, Cancel));

        await Task.Delay(300, Cancel);
        Assert.Single(sink.Received);
    }

    [Fact]
    public async Task RaiseAsync_MailServerDownOnFirstRaise_NextRaiseMailsTheIncident()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        var clock = UnusedDay();
        var incident = new SourceIncident(Source(), IncidentKinds.Silent, false, "no new link for 5 days", clock.GetUtcNow());
        var closedPort = HealthItFunctions.Local.FreePorts.Take(1)[0];
        using (var down = PublishingHost.Create(azurite, sink, clock, s => (s["Mail:Port"], s["Mail:MaxAttempts"]) = (closedPort.ToString(), "1")))
        {
            await down.Get<IAlertSink>().RaiseAsync(incident, Cancel);
        }

        using var up = PublishingHost.Create(azurite, sink, clock);
        await up.Get<IAlertSink>().RaiseAsync(incident, Cancel);

        var mail = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("长时间没有新链接", mail.Subject, StringComparison.Ordinal);
    }

    private static string Source() => "src-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Noon in Beijing on a day no other test counts alerts for (the cap is per day).</summary>
    private static FakeTimeProvider UnusedDay()
    {
        var month = PublishingHost.TakeMonths();
        return new FakeTimeProvider(new DateTimeOffset(month.Year, month.Month, 3, 12, 0, 0, TimeSpan.FromHours(8)));
    }
}
