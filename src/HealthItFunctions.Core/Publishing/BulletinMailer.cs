using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Publishing;

public enum MailState
{
    NotRequested,
    Sent,

    /// <summary>This version was mailed before: nothing sent.</summary>
    AlreadySent,

    /// <summary>Another run holds the claim for this version right now.</summary>
    ClaimedElsewhere,

    /// <summary>Every attempt failed; the bulletin stays archived and the record says why.</summary>
    Failed,
}

public sealed record MailOutcome(MailState State, int Attempts = 0, string? Error = null)
{
    public static MailOutcome NotRequested { get; } = new(MailState.NotRequested);
}

/// <summary>
/// Sends a bulletin version to the editors at most once: the send is claimed in the bulletin record under its
/// ETag first, so of two racing runs only one sends. A claim older than <see cref="ClaimLifetime"/> is taken over,
/// because the run that held it has died.
/// </summary>
public sealed class BulletinMailer(
    IMailer mailer,
    IBulletinStore bulletins,
    IOptions<MailOptions> options,
    IOptions<BulletinOptions> bulletinOptions,
    TimeProvider clock,
    ILogger<BulletinMailer> logger)
{
    internal static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)];

    public async Task<MailOutcome> SendOnceAsync(BulletinRecord record, RenderedBulletin rendered, CancellationToken cancellationToken)
    {
        var version = record.Latest!.Version;
        if (record.SentVersion >= version)
        {
            return new MailOutcome(MailState.AlreadySent);
        }

        if (record.ClaimedVersion == version && record.ClaimedAt > clock.GetUtcNow() - ClaimLifetime)
        {
            return new MailOutcome(MailState.ClaimedElsewhere);
        }

        if (await bulletins.TrySaveAsync(record with { ClaimedVersion = version, ClaimedAt = clock.GetUtcNow() }, cancellationToken) is not { } claimed)
        {
            return new MailOutcome(MailState.ClaimedElsewhere);
        }

        var mail = Compose(rendered);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await mailer.SendAsync(mail, cancellationToken);
                await SaveAsync(claimed with { SentVersion = version, SentAt = clock.GetUtcNow(), ClaimedVersion = null, ClaimedAt = null }, cancellationToken);
                logger.LogInformation("Bulletin {Month} v{Version} mailed to {Count} editors (attempt {Attempt})", record.Month, version, mail.To.Count, attempt);
                return new MailOutcome(MailState.Sent, attempt);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Mailing bulletin {Month} v{Version}, attempt {Attempt}, failed: {Error}", record.Month, version, attempt, e.Message);
                claimed = await SaveAsync(claimed with { LastSendError = $"{clock.GetUtcNow():u} attempt {attempt}: {e.Message}" }, cancellationToken);
                if (attempt > Backoff.Length)
                {
                    await SaveAsync(claimed with { ClaimedVersion = null, ClaimedAt = null }, cancellationToken);
                    return new MailOutcome(MailState.Failed, attempt, e.Message);
                }

                await Task.Delay(Backoff[attempt - 1], clock, cancellationToken);
            }
        }
    }

    private OutgoingMail Compose(RenderedBulletin rendered)
    {
        var document = rendered.Document;
        var subject = BulletinWording.IssueName(document, bulletinOptions.Value.Title);
        string Text(BulletinFormat format) => System.Text.Encoding.UTF8.GetString(rendered.Files.Single(f => f.Format == format).Content);
        var docx = rendered.Files.Single(f => f.Format == BulletinFormat.Docx);
        return new OutgoingMail(
            options.Value.EditorList,
            subject,
            Text(BulletinFormat.Markdown),
            Text(BulletinFormat.Html),
            [new MailAttachment($"{subject}.docx", docx.ContentType, docx.Content)]);
    }

    // The claim is ours, so an ETag conflict here means the record changed under us: keep the newest and go on.
    private async Task<BulletinRecord> SaveAsync(BulletinRecord record, CancellationToken cancellationToken) =>
        await bulletins.TrySaveAsync(record, cancellationToken)
        ?? throw new InvalidOperationException($"The bulletin record for {record.Month} changed while this run held the mail claim.");
}
