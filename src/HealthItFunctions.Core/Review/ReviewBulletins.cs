using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Review;

/// <summary>Preview, plan and publish of a month's bulletin for the review API, over <see cref="BulletinPublisher"/>.</summary>
public sealed class ReviewBulletins(
    BulletinPublisher publisher,
    IBulletinStore records,
    IOptions<MailOptions> mail,
    IOptions<BulletinOptions> bulletinOptions,
    ILogger<ReviewBulletins> logger)
{
    public async Task<ReviewResponse> PreviewAsync(string? month, string? format, CancellationToken cancellationToken)
    {
        if (!ReviewRequests.TryMonth(month, out var parsed, out var problem))
        {
            return problem;
        }

        BulletinFormat? wanted = (format ?? "html").ToLowerInvariant() switch
        {
            "html" => BulletinFormat.Html,
            "md" or "markdown" => BulletinFormat.Markdown,
            "docx" => BulletinFormat.Docx,
            _ => null,
        };
        if (wanted is not { } chosen)
        {
            return ReviewResponse.Invalid("format", $"'{format}' is not a bulletin format; use html, md or docx.");
        }

        var rendered = await publisher.PreviewAsync(parsed, cancellationToken);
        var file = rendered.Files.Single(f => f.Format == chosen);
        var contentType = chosen == BulletinFormat.Docx ? file.ContentType : $"{file.ContentType.Split(';')[0]}; charset=utf-8";
        return new ReviewResponse { File = new ReviewFile(file.Content, contentType, chosen == BulletinFormat.Docx ? file.FileName : null) };
    }

    public async Task<ReviewResponse> PlanAsync(string? month, CancellationToken cancellationToken)
    {
        if (!ReviewRequests.TryMonth(month, out var parsed, out var problem))
        {
            return problem;
        }

        return ReviewResponse.Ok(await PlanOfAsync(parsed, cancellationToken));
    }

    /// <summary>Publishes a new version and mails it; a month already mailed needs the editor's explicit confirmation.</summary>
    public async Task<ReviewResponse> PublishAsync(string? month, string? confirmQuery, string? body, string editor, CancellationToken cancellationToken)
    {
        if (!ReviewRequests.TryMonth(month, out var parsed, out var problem) || !ReviewRequests.TryParseConfirm(confirmQuery, body, out var confirm, out problem))
        {
            return problem;
        }

        var plan = await PlanOfAsync(parsed, cancellationToken);
        if (plan.RequiresConfirmation && !confirm)
        {
            return ReviewResponse.Fail(ReviewOutcome.Conflict, "Already sent: confirm to send again",
                $"Version {plan.SentVersion} of {parsed} was already mailed to {string.Join(", ", plan.Recipients)}. " +
                "Publishing now sends a new version; repeat the request with ?confirm=true (or {\"confirm\": true}).",
                new Dictionary<string, object?> { ["plan"] = plan });
        }

        var result = await publisher.PublishAsync(parsed, sendMail: true, cancellationToken);
        logger.LogInformation("{Editor} published {Month} v{Version}: mail {Mail}", editor, parsed, result.Version, result.Mail.State);
        return ReviewResponse.Ok(new PublishOutcome(parsed.ToString(), result.IssueNumber, result.Version, result.IsNewVersion, result.ArticleCount,
            result.Mail.State.ToString(), result.Mail.Error, plan.Recipients));
    }

    private async Task<PublishPlan> PlanOfAsync(BulletinMonth month, CancellationToken cancellationToken)
    {
        var rendered = await publisher.PreviewAsync(month, cancellationToken);
        var record = await records.GetAsync(month, cancellationToken);
        var document = rendered.Document;
        return new PublishPlan(
            month.ToString(),
            document.IssueNumber,
            BulletinWording.IssueName(document, bulletinOptions.Value.Title),
            mail.Value.EditorList,
            document.Items.Select(i => new PlannedItem(i.Title, i.Media)).ToList(),
            record?.SentVersion ?? 0,
            record?.Latest?.Version ?? 0,
            record?.Latest?.ContentHash != rendered.ContentHash,
            RequiresConfirmation: (record?.SentVersion ?? 0) > 0);
    }
}
