using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Relevance;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Publishing;

public enum DigestOutcome
{
    /// <summary>No Include or Review article was stored since the last digest: no mail.</summary>
    NothingNew,

    /// <summary>Composed but neither claimed nor sent (--dry-run).</summary>
    DryRun,

    Sent,

    /// <summary>Another run claimed this window first and sends it.</summary>
    ClaimedElsewhere,

    /// <summary>Every attempt failed; the window is released so the next run sends these articles.</summary>
    Failed,
}

public sealed record DigestResult(
    DigestOutcome Outcome,
    DateTimeOffset Since,
    DateTimeOffset Until,
    IReadOnlyList<StoredArticle> Included,
    IReadOnlyList<StoredArticle> Review,
    OutgoingMail? Mail,
    int Attempts = 0,
    string? Error = null);

/// <summary>
/// DailyDigest and `healthit digest`: the Include and Review articles stored since the last digest, mailed to the
/// editors with their matched terms and links. Nothing new sends nothing. Two racing runs send once.
/// </summary>
/// <remarks>
/// "New since" reads the current and the previous Beijing month (one partition query each) and filters on
/// <see cref="StoredArticle.FetchedAt"/>. Table Storage has no secondary index, so a store-wide "since" query would
/// scan every partition; a month is a partition, and two of them cover any digest window shorter than a month.
/// FetchedAt rather than DiscoveredAt, because an article queued before the last digest but stored after it is
/// still news to the editors. What this misses: an article published (so partitioned) more than a month back and
/// only found now; the month-end bulletin would not take it either, and the review page still lists it.
/// </remarks>
public sealed class DigestService(
    IArticleStore articles,
    IDigestStateStore state,
    IMailer mailer,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<DigestService> logger)
{
    /// <summary>
    /// Articles stored in the last minutes may still be in flight (fetched, not yet written) while the list is read;
    /// leaving them to the next digest means none is skipped.
    /// </summary>
    internal static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(10);

    /// <summary>The first digest ever looks back this far.</summary>
    internal static readonly TimeSpan FirstWindow = TimeSpan.FromDays(1);

    public async Task<DigestResult> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() - SettleTime;
        var record = await state.GetAsync(cancellationToken);
        var since = record?.LastDigestAt ?? until - FirstWindow;
        var fresh = await NewArticlesAsync(since, until, cancellationToken);
        var included = fresh.Where(a => a.IsSelected).ToList();
        var review = fresh.Where(a => !a.IsSelected).ToList();
        if (fresh.Count == 0)
        {
            logger.LogInformation("Digest: nothing new between {Since:u} and {Until:u}", since, until);
            return new DigestResult(DigestOutcome.NothingNew, since, until, [], [], null);
        }

        var mail = DigestComposer.Compose(options.Value.EditorList, included, review, until);
        if (!dryRun && mail.To.Count == 0)
        {
            // Nothing claimed: once Mail:Editors is set, the next run sends these articles.
            logger.LogWarning("Digest: {Count} new articles but Mail:Editors is empty; nothing sent", fresh.Count);
            return new DigestResult(DigestOutcome.Failed, since, until, included, review, mail, 0, "Mail:Editors is empty: set it (environment: Mail__Editors) to a comma-separated list.");
        }

        if (dryRun)
        {
            return new DigestResult(DigestOutcome.DryRun, since, until, included, review, mail);
        }

        var claim = (record ?? new DigestRecord()) with { LastDigestAt = until };
        if (await state.TrySaveAsync(claim, cancellationToken) is not { } claimed)
        {
            logger.LogInformation("Digest for {Since:u}..{Until:u} was claimed by another run", since, until);
            return new DigestResult(DigestOutcome.ClaimedElsewhere, since, until, included, review, mail);
        }

        var result = await MailRetry.SendAsync(mailer, mail, options.Value, clock, (attempt, e) =>
        {
            logger.LogWarning("Mailing the digest, attempt {Attempt}, failed: {Error}", attempt, e.Message);
            return Task.CompletedTask;
        }, cancellationToken);

        if (!result.Sent)
        {
            // Release the window: the next run's "since" is the old one again, so these articles are not lost.
            var released = claimed with { LastDigestAt = record?.LastDigestAt, LastSendError = $"{clock.GetUtcNow():u} {result.LastError}" };
            if (await state.TrySaveAsync(released, cancellationToken) is null)
            {
                logger.LogWarning("Could not release the digest window {Since:u}..{Until:u}: the record changed", since, until);
            }

            return new DigestResult(DigestOutcome.Failed, since, until, included, review, mail, result.Attempts, result.LastError);
        }

        await state.TrySaveAsync(claimed with { LastSentAt = clock.GetUtcNow(), LastArticleCount = fresh.Count, LastSendError = null }, cancellationToken);
        logger.LogInformation("Digest mailed: {Included} included, {Review} to review (attempt {Attempt})", included.Count, review.Count, result.Attempts);
        return new DigestResult(DigestOutcome.Sent, since, until, included, review, mail, result.Attempts);
    }

    private async Task<IReadOnlyList<StoredArticle>> NewArticlesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var month = BulletinMonth.BeijingMonthOf(until);
        var found = new List<StoredArticle>();
        foreach (var m in new[] { month.Previous, month })
        {
            found.AddRange(await articles.ListMonthAsync(m, cancellationToken));
        }

        return found
            .Where(a => a.FetchedAt > since && a.FetchedAt <= until)
            .Where(a => !a.IsReprint && a.Decision != EditorDecision.Exclude)
            .Where(a => a.IsSelected || a.Band == RelevanceBand.Review)
            .OrderByDescending(a => a.Score)
            .ThenBy(a => a.FetchedAt)
            .ToList();
    }
}
