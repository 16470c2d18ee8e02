using System.Globalization;
using HealthItFunctions.Core.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Alerts;

/// <summary>
/// Source incidents as mail: one mail when an incident opens, one when it recovers, nothing while it stays open,
/// and at most Mail:MaxAlertsPerDay mails per Beijing day, so a network outage that breaks every source at once
/// does not bury the inbox. Failures here are logged, never thrown: an alert must not break the poll that raised it.
/// </summary>
public sealed class MailAlertSink(
    IAlertLedger ledger,
    IMailer mailer,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailAlertSink> logger) : IAlertSink
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task RaiseAsync(SourceIncident incident, CancellationToken cancellationToken)
    {
        try
        {
            var current = await ledger.GetAsync(incident.SourceId, incident.Kind, cancellationToken);
            if (incident.Recovered)
            {
                await RecoverAsync(incident, current, cancellationToken);
            }
            else
            {
                await OpenAsync(incident, current, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Alert for source {Source} ({Kind}) could not be handled", incident.SourceId, incident.Kind);
        }
    }

    private async Task OpenAsync(SourceIncident incident, IncidentRecord? current, CancellationToken cancellationToken)
    {
        if (current is { Open: true })
        {
            return;
        }

        var opened = new IncidentRecord(incident.SourceId, incident.Kind, Open: true, Mailed: false, incident.At, incident.Detail) { ETag = current?.ETag };
        if (await ledger.TrySaveAsync(opened, cancellationToken) is not { } saved)
        {
            return; // a parallel poll opened it and mails it
        }

        switch (await SendCappedAsync(Compose(incident), incident, cancellationToken))
        {
            case AlertMail.Sent:
                await ledger.TrySaveAsync(saved with { Mailed = true }, cancellationToken);
                break;
            case AlertMail.Failed:
                // Reopenable: the next poll that still sees the problem raises it again and the mail gets another chance.
                await ledger.TrySaveAsync(saved with { Open = false }, cancellationToken);
                break;
        }
    }

    private async Task RecoverAsync(SourceIncident incident, IncidentRecord? current, CancellationToken cancellationToken)
    {
        if (current is not { Open: true })
        {
            return;
        }

        if (await ledger.TrySaveAsync(current with { Open = false, At = incident.At, Detail = incident.Detail }, cancellationToken) is null)
        {
            return;
        }

        // Nobody was told it broke (the cap, or a failed send): a recovery mail would only puzzle.
        if (current.Mailed)
        {
            await SendCappedAsync(Compose(incident, current), incident, cancellationToken);
        }
    }

    private enum AlertMail
    {
        Sent,

        /// <summary>Not sent on purpose: the daily cap, or nobody to send to. Logged instead.</summary>
        Withheld,

        Failed,
    }

    private async Task<AlertMail> SendCappedAsync(OutgoingMail mail, SourceIncident incident, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AlertList.Count == 0)
        {
            logger.LogWarning("Source {Source} {Kind}{Recovered}: {Detail} (no alert mail: Mail:AlertsTo and Mail:Editors are empty)",
                incident.SourceId, incident.Kind, incident.Recovered ? " recovered" : "", incident.Detail);
            return AlertMail.Withheld;
        }

        var day = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Beijing).DateTime);
        if (!await ledger.TryCountMailAsync(day, settings.MaxAlertsPerDay, cancellationToken))
        {
            logger.LogWarning("Source {Source} {Kind}{Recovered}: {Detail} (not mailed: Mail:MaxAlertsPerDay {Cap} reached for {Day})",
                incident.SourceId, incident.Kind, incident.Recovered ? " recovered" : "", incident.Detail, settings.MaxAlertsPerDay, day);
            return AlertMail.Withheld;
        }

        var result = await MailRetry.SendAsync(mailer, mail, settings, clock, (attempt, e) =>
        {
            logger.LogWarning("Mailing the alert for {Source}, attempt {Attempt}, failed: {Error}", incident.SourceId, attempt, e.Message);
            return Task.CompletedTask;
        }, cancellationToken);
        return result.Sent ? AlertMail.Sent : AlertMail.Failed;
    }

    private OutgoingMail Compose(SourceIncident incident, IncidentRecord? opened = null)
    {
        var at = incident.At.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var what = Describe(incident.Kind);
        var subject = incident.Recovered
            ? $"[信息源恢复] {incident.SourceId}：{what}已恢复"
            : $"[信息源告警] {incident.SourceId}：{what}";
        var body = incident.Recovered
            ? $"信息源 {incident.SourceId} 已恢复（{at}，北京时间）。\n问题自 {opened!.At.ToOffset(Beijing):yyyy-MM-dd HH:mm} 起：{opened.Detail}\n\n{incident.Detail}\n"
            : $"信息源 {incident.SourceId} {what}（{at}，北京时间）。\n\n{incident.Detail}\n\n{Advice(incident.Kind)}\n恢复时会另发一封邮件；问题持续期间不再重复提醒。\n";
        return new OutgoingMail(options.Value.AlertList, subject, body);
    }

    private static string Describe(string kind) => kind switch
    {
        IncidentKinds.Failing => "抓取失败",
        IncidentKinds.Silent => "长时间没有新链接",
        IncidentKinds.RuleBroken => "列表页规则失效",
        _ => kind,
    };

    private static string Advice(string kind) => kind switch
    {
        IncidentKinds.Failing => "请检查该网站能否访问；连续失败期间该源的新闻不会进入月报。",
        IncidentKinds.Silent => "请打开该源的列表页，确认是否确实没有更新，或地址已变更。",
        IncidentKinds.RuleBroken => "网站可能改版：请检查并更新 seeds/sources.json 中该源的规则。",
        _ => "",
    };
}
