using System.Text.Json.Serialization;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Review;

/// <summary>One candidate as the review page shows it: what the page said, why it scored, and what the editor decided.</summary>
public sealed record ReviewArticle
{
    public required string Id { get; init; }

    public required string Month { get; init; }

    /// <summary>The title the bulletin prints: the editor's when there is one, else the page's.</summary>
    public required string Title { get; init; }

    public required string OriginalTitle { get; init; }

    public string? EditedTitle { get; init; }

    /// <summary>The 媒体 the bulletin prints: the editor's when there is one, else the page's 来源.</summary>
    public required string Media { get; init; }

    public required string OriginalMedia { get; init; }

    public string? EditedMedia { get; init; }

    /// <summary>The 来源 the item's header credits: the editor's, else the page's.</summary>
    public required string Credit { get; init; }

    public string? EditedCredit { get; init; }

    public required string SourceId { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The date the item's header prints (yyyy-MM-dd, Beijing): the editor's, else the page's; null when unknown.</summary>
    public string? Date { get; init; }

    public string? EditedDate { get; init; }

    public required string Url { get; init; }

    public required string CanonicalUrl { get; init; }

    /// <summary>include, review or exclude: the relevance band.</summary>
    public required string Band { get; init; }

    public double Score { get; init; }

    /// <summary>As stored, e.g. "informatization:互联网医院@title×2".</summary>
    public required IReadOnlyList<string> MatchedTerms { get; init; }

    /// <summary>The distinct terms alone, for highlighting.</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>include or exclude when the editor decided; null when the band decides.</summary>
    public string? Decision { get; init; }

    /// <summary>In the bulletin as it would be published now.</summary>
    public bool Selected { get; init; }

    public int? Order { get; init; }

    /// <summary>The text the bulletin prints under the title: the editor's summary, else the page's paragraphs.</summary>
    public required string Summary { get; init; }

    public required string OriginalSummary { get; init; }

    public string? EditedSummary { get; init; }

    public required string ClusterId { get; init; }

    public bool IsReprint { get; init; }

    /// <summary>Reprints of this story stored this month ("also reported by").</summary>
    public required IReadOnlyList<ClusterMember> AlsoReportedBy { get; init; }

    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>The body's pictures: caption, size, why one was skipped, and whether the editor dropped it.</summary>
    public IReadOnlyList<ReviewPicture> Pictures { get; init; } = [];

    internal static ReviewArticle From(StoredArticle article, IReadOnlyList<ClusterMember> alsoReportedBy)
    {
        var original = string.Join('\n', article.Paragraphs);
        return new ReviewArticle
        {
            Id = article.Id,
            Month = article.Month.ToString(),
            Title = article.EditedTitle ?? article.Title,
            OriginalTitle = article.Title,
            EditedTitle = article.EditedTitle,
            Media = article.EditedMedia ?? article.Media,
            OriginalMedia = article.Media,
            EditedMedia = article.EditedMedia,
            Credit = article.EditedCredit ?? article.Media,
            EditedCredit = article.EditedCredit,
            SourceId = article.SourceId,
            PublishedAt = article.PublishedAt,
            Date = DateText(article.EditedDate ?? (article.PublishedAt is { } at ? BulletinMonth.BeijingDateOf(at) : null)),
            EditedDate = DateText(article.EditedDate),
            Url = article.Url,
            CanonicalUrl = article.CanonicalUrl,
            Band = article.Band.ToString().ToLowerInvariant(),
            Score = Math.Round(article.Score, 3),
            MatchedTerms = article.MatchedTerms,
            Terms = article.MatchedTerms.Select(TermOf).Where(t => t.Length > 0).Distinct().ToList(),
            Decision = article.Decision?.ToString().ToLowerInvariant(),
            Selected = article.IsSelected,
            Order = article.Order,
            Summary = article.EditedSummary ?? original,
            OriginalSummary = original,
            EditedSummary = article.EditedSummary,
            ClusterId = article.ClusterId,
            IsReprint = article.IsReprint,
            AlsoReportedBy = alsoReportedBy,
            ETag = article.ETag,
            Pictures = article.Images.Select(i => new ReviewPicture(i.Index, i.Position, i.Caption ?? i.Alt, i.Width, i.Height, i.IsAvailable,
                article.DroppedImages.Contains(i.Index), i.Note)).ToList(),
        };
    }

    private static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // "axis:term@where×count" → term
    private static string TermOf(string matched)
    {
        var start = matched.IndexOf(':') + 1;
        var end = matched.LastIndexOf('@');
        return end > start ? matched[start..end] : "";
    }
}

/// <param name="Index">What "droppedImages" in a PATCH names.</param>
/// <param name="Position">Body paragraphs before it.</param>
/// <param name="Available">Downloaded and stored; a skipped picture carries its <paramref name="Note"/>.</param>
public sealed record ReviewPicture(int Index, int Position, string? Caption, int Width, int Height, bool Available, bool Dropped, string? Note);

public sealed record ClusterMember(string Id, string Media, string Title, string Url, DateTimeOffset? PublishedAt);

public sealed record ArticleListPage(
    string Month,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, int> Bands,
    IReadOnlyList<ArticleListSource> Sources,
    IReadOnlyList<ReviewArticle> Items);

public sealed record ArticleListSource(string SourceId, string Media, int Count);

/// <summary>Filters and paging of the candidate list; every field optional.</summary>
public sealed record ReviewQuery(string? Band = null, string? Source = null, string? Text = null, string? Page = null, string? PageSize = null);

public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>Who changed what, and when: one entry per edit.</summary>
public sealed record ReviewHistoryEntry(string ArticleId, DateTimeOffset At, string Editor, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>A catalogued source as the page shows it. Health and incidents come from the poller's state (issue 8).</summary>
public sealed record ReviewSource(string Id, string Media, bool Enabled, bool Pollable, string? Kind, IReadOnlyList<string> StartUrls, IReadOnlyList<string> Hosts, string? Homepage);

/// <summary>What approving now would send, and to whom (the readers): shown before the editor approves.</summary>
public sealed record PublishPlan(
    string Month,
    int IssueNumber,
    string Subject,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<PlannedItem> Items,
    int SentVersion,
    int LatestVersion,
    bool ContentChanged,
    bool RequiresConfirmation)
{
    /// <summary>What the editor previews: send it back in If-Match when approving.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>draft, approved or sent.</summary>
    public string Stage { get; init; } = "draft";

    public int ApprovedVersion { get; init; }

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }
}

public sealed record PlannedItem(string Title, string Media);

public sealed record PublishOutcome(string Month, int IssueNumber, int Version, bool IsNewVersion, int ArticleCount, string Mail, string? MailError, IReadOnlyList<string> Recipients)
{
    public string Stage { get; init; } = "draft";

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }
}
