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
        if (chosen == BulletinFormat.Html && rendered.PreviewHtml is { } preview)
        {
            // The page's preview frame has no images/ folder beside it: the pictures travel inside the HTML.
            file = file with { Content = System.Text.Encoding.UTF8.GetBytes(preview) };
        }

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

    /// <summary>
    /// The editor approves the bulletin they previewed and it goes to the readers once. The plan's content hash comes
    /// back in If-Match (or {"planHash": "…"}), so what is sent is what was previewed; a month already sent needs the
    /// editor's explicit confirmation to send a corrected version.
    /// </summary>
    public async Task<ReviewResponse> PublishAsync(string? month, string? confirmQuery, string? body, string? ifMatch, string editor, CancellationToken cancellationToken)
    {
        if (!ReviewRequests.TryMonth(month, out var parsed, out var problem)
            || !ReviewRequests.TryParseApproval(confirmQuery, body, ifMatch, out var approval, out problem))
        {
            return problem;
        }

        if (approval.PlanHash is not { } hash)
        {
            return ReviewResponse.Fail(ReviewOutcome.VersionRequired, "The previewed plan hash is required",
                "Send the contentHash of GET /api/months/{month}/bulletin in If-Match (or {\"planHash\": \"…\"}), so that what is sent is what you previewed.");
        }

        var result = await publisher.ApproveAsync(parsed, hash, editor, approval.Confirm, cancellationToken);
        var plan = await PlanOfAsync(parsed, cancellationToken);
        var extensions = new Dictionary<string, object?> { ["plan"] = plan };
        switch (result.Outcome)
        {
            case ApprovalOutcome.Changed:
                return ReviewResponse.Fail(ReviewOutcome.Stale, "The bulletin changed since you previewed it",
                    $"{parsed} now has content hash {result.CurrentHash}, not {hash}: someone edited it. Preview it again, then approve.", extensions);
            case ApprovalOutcome.NeedsConfirmation:
                return ReviewResponse.Fail(ReviewOutcome.Conflict, "Already sent: confirm to send again",
                    $"Version {plan.SentVersion} of {parsed} was already mailed to {string.Join(", ", plan.Recipients)}. " +
                    "Approving now sends a corrected version; repeat the request with ?confirm=true (or {\"confirm\": true}).", extensions);
        }

        var published = result.Published;
        var record = result.Record!;
        logger.LogInformation("{Editor} approved {Month}: {Outcome}, mail {Mail}", editor, parsed, result.Outcome, published?.Mail.State.ToString() ?? "none");
        return ReviewResponse.Ok(new PublishOutcome(parsed.ToString(), record.IssueNumber, record.ApprovedVersion, published?.IsNewVersion ?? false,
            record.Approved?.ArticleCount ?? 0, (published?.Mail.State ?? MailState.AlreadySent).ToString(), published?.Mail.Error, plan.Recipients)
        {
            Stage = record.Stage.ToString().ToLowerInvariant(),
            ApprovedBy = record.ApprovedBy,
            ApprovedAt = record.ApprovedAt,
        });
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
            mail.Value.ReaderList,
            document.Items.Select(i => new PlannedItem(i.Title, i.Media)).ToList(),
            record?.SentVersion ?? 0,
            record?.Latest?.Version ?? 0,
            record?.Latest?.ContentHash != rendered.ContentHash,
            RequiresConfirmation: (record?.SentVersion ?? 0) > 0)
        {
            ContentHash = rendered.ContentHash,
            Stage = (record?.Stage ?? BulletinStage.Draft).ToString().ToLowerInvariant(),
            ApprovedVersion = record?.ApprovedVersion ?? 0,
            ApprovedBy = record?.ApprovedBy,
            ApprovedAt = record?.ApprovedAt,
        };
    }
}
