using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Core.Urls;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Core.Review;

/// <summary>
/// The editors' review API, host-neutral: route values and bodies go in as text, a <see cref="ReviewResponse"/> comes
/// out. Every input is checked before anything is read or written, so an invalid request never leaves a partial change.
/// </summary>
public sealed class ReviewService(
    IArticleStore articles,
    IReviewHistory history,
    ArticleIngestor ingestor,
    ISourceCatalog catalog,
    ReviewBulletins bulletins,
    TimeProvider clock,
    ILogger<ReviewService> logger)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<ReviewResponse> ListAsync(string? month, ReviewQuery query, CancellationToken cancellationToken)
    {
        if (!ReviewRequests.TryMonth(month, out var parsed, out var problem) || !TryQuery(query, out var page, out var size, out problem))
        {
            return problem;
        }

        var stored = await articles.ListMonthAsync(parsed, cancellationToken);
        var candidates = ReviewCandidates.Of(stored);
        var filtered = candidates.Where(a => Matches(a, query)).ToList();
        var sources = candidates.GroupBy(a => a.SourceId)
            .Select(g => new ArticleListSource(g.Key, g.First().Media, g.Count()))
            .OrderByDescending(s => s.Count)
            .ToList();
        var bands = candidates.GroupBy(a => a.Band).ToDictionary(g => g.Key, g => g.Count());
        return ReviewResponse.Ok(new ArticleListPage(parsed.ToString(), filtered.Count, page, size, bands, sources,
            filtered.Skip((page - 1) * size).Take(size).ToList()));
    }

    public async Task<ReviewResponse> EditAsync(string? id, string? body, string? ifMatch, string editor, CancellationToken cancellationToken)
    {
        if (!ReviewRequests.TryArticleId(id, out var problem) || !ReviewRequests.TryParsePatch(body, out var patch, out problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ReviewResponse.Fail(ReviewOutcome.VersionRequired, "If-Match is required",
                "Send the article's ETag (from the list or the last edit) in If-Match, so an edit never overwrites another editor's.");
        }

        if (await articles.GetAsync(id!, cancellationToken) is not { } before)
        {
            return NotFound(id!);
        }

        StoredArticle after;
        try
        {
            after = await articles.EditAsync(id!, patch.ToEdit(), ifMatch.Trim(), cancellationToken);
        }
        catch (ConcurrentEditException e)
        {
            return ReviewResponse.Fail(ReviewOutcome.Stale, "Changed by someone else", e.Message);
        }
        catch (ArticleNotFoundException)
        {
            return NotFound(id!);
        }

        await RecordAsync(id!, editor, "edit", ReviewChanges.Between(before, after), cancellationToken);
        return await ArticleAsync(after, ReviewOutcome.Ok, cancellationToken);
    }

    /// <summary>
    /// Adds an article by URL through the normal fetch → extract → score pipeline; the editor asked for it, so it
    /// is included, in the month the editor is curating.
    /// </summary>
    public async Task<ReviewResponse> AddAsync(string? month, string? body, string editor, CancellationToken cancellationToken)
    {
        if (!ReviewRequests.TryMonth(month, out var parsed, out var problem) || !ReviewRequests.TryParseAdd(body, out var url, out problem))
        {
            return problem;
        }

        // The claiming source's canonical rule, as a poll applies it, so an editor's URL and a polled one get one id.
        var identity = new ArticleUrls(catalog).Identify(url);
        var message = new ArticleFetchMessage(ArticleFetchMessage.CurrentVersion, identity.Source?.Id ?? "editor", url.AbsoluteUri,
            identity.Canonical.AbsoluteUri, null, null, clock.GetUtcNow());
        IngestResult result;
        try
        {
            result = await ingestor.IngestAsync(message, cancellationToken);
        }
        catch (TransientFetchException e)
        {
            return ReviewResponse.Fail(ReviewOutcome.Unreachable, "The page could not be fetched", $"{FetchReasons.WithoutAddresses(e.Message)}. Try again later.");
        }

        if (result.Outcome == IngestOutcome.Dropped)
        {
            var notArticle = result.Reason?.StartsWith("not an article", StringComparison.Ordinal) == true;
            return ReviewResponse.Fail(ReviewOutcome.Refused, notArticle ? "Not an article" : "URL refused",
                notArticle
                    ? $"{url} was fetched but is not a news article ({result.Reason}); add the article's own page, not a list or home page."
                    : $"{url} was refused: {FetchReasons.WithoutAddresses(result.Reason)}.",
                new Dictionary<string, object?> { ["url"] = url.AbsoluteUri });
        }

        if (await articles.GetAsync(result.ArticleId, cancellationToken) is not { } stored)
        {
            return ReviewResponse.Fail(ReviewOutcome.Refused, "Seen before and not kept",
                $"{url} was fetched earlier and dropped (not an article, or refused), so it is not fetched again.");
        }

        var edit = new ArticleEdit
        {
            Decision = EditorDecision.Include,
            AssignMonth = stored.Month == parsed ? null : parsed,
        };
        StoredArticle added;
        try
        {
            added = stored.Decision == EditorDecision.Include && stored.Month == parsed
                ? stored
                : await articles.EditAsync(stored.Id, edit, stored.ETag, cancellationToken);
        }
        catch (ConcurrentEditException)
        {
            // Another editor (or the pipeline) changed it between our read and our write: theirs stands.
            return ReviewResponse.Fail(ReviewOutcome.Conflict, "Changed by someone else",
                $"{url} is stored, but it changed while it was being added; reload the month's list and include it there.");
        }

        var changes = new List<FieldChange> { new("url", null, url.AbsoluteUri) };
        changes.AddRange(ReviewChanges.Between(stored, added));
        await RecordAsync(added.Id, editor, result.Outcome == IngestOutcome.Duplicate ? "add (already stored)" : "add", changes, cancellationToken);
        var response = await ArticleAsync(added, result.Outcome == IngestOutcome.Duplicate ? ReviewOutcome.Ok : ReviewOutcome.Created, cancellationToken);
        return response with { ArticleId = added.Id };
    }

    public Task<ReviewResponse> PreviewAsync(string? month, string? format, CancellationToken cancellationToken) =>
        bulletins.PreviewAsync(month, format, cancellationToken);

    public Task<ReviewResponse> PlanAsync(string? month, CancellationToken cancellationToken) =>
        bulletins.PlanAsync(month, cancellationToken);

    /// <summary>Approves the previewed bulletin (<paramref name="ifMatch"/>: the plan's content hash) and sends it to the readers once.</summary>
    public Task<ReviewResponse> PublishAsync(string? month, string? confirmQuery, string? body, string? ifMatch, string editor, CancellationToken cancellationToken) =>
        bulletins.PublishAsync(month, confirmQuery, body, ifMatch, editor, cancellationToken);

    /// <summary>The catalog's sources. Poll health and open incidents join here when the poller records them (issue 8).</summary>
    public ReviewResponse Sources() => ReviewResponse.Ok(catalog.Current.Sources
        .Select(s => new ReviewSource(s.Id, s.Media, s.Enabled, s.IsPollable, s.List?.Kind.ToString(), s.List?.StartUrls ?? [], s.Hosts, s.Homepage))
        .ToList());

    public async Task<ReviewResponse> HistoryAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ReviewRequests.TryArticleId(id, out var problem))
        {
            return problem;
        }

        if (await articles.GetAsync(id!, cancellationToken) is null)
        {
            return NotFound(id!);
        }

        return ReviewResponse.Ok(await history.ListAsync(id!, cancellationToken));
    }

    private async Task<ReviewResponse> ArticleAsync(StoredArticle article, ReviewOutcome outcome, CancellationToken cancellationToken)
    {
        // "Also reported by" needs the month's other articles; one partition read, as the list does.
        var month = await articles.ListMonthAsync(article.Month, cancellationToken);
        var view = ReviewCandidates.Of(month).FirstOrDefault(a => a.Id == article.Id) ?? ReviewArticle.From(article, []);
        return new ReviewResponse { Outcome = outcome, Body = view, Version = view.ETag };
    }

    private async Task RecordAsync(string id, string editor, string action, IReadOnlyList<FieldChange> changes, CancellationToken cancellationToken)
    {
        var entry = new ReviewHistoryEntry(id, clock.GetUtcNow(), editor, action, changes);
        await history.RecordAsync(entry, cancellationToken);
        logger.LogInformation("{Editor} {Action} {ArticleId}: {Fields}", editor, action, id, string.Join(", ", changes.Select(c => c.Field)));
    }

    private static ReviewResponse NotFound(string id) =>
        ReviewResponse.Fail(ReviewOutcome.NotFound, "No such article", $"No article has the id {id}; reload the month's list.");

    private static bool TryQuery(ReviewQuery query, out int page, out int size, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ReviewResponse? problem)
    {
        var errors = new Dictionary<string, string[]>();
        page = 1;
        size = DefaultPageSize;
        if (query.Page is not null && !(int.TryParse(query.Page, out page) && page >= 1))
        {
            errors["page"] = ["must be a whole number from 1."];
        }

        if (query.PageSize is not null && !(int.TryParse(query.PageSize, out size) && size is >= 1 and <= MaxPageSize))
        {
            errors["pageSize"] = [$"must be a whole number from 1 to {MaxPageSize}."];
        }

        if (query.Band is not null && query.Band.Split(',').Any(b => b is not ("include" or "review" or "exclude" or "selected")))
        {
            errors["band"] = ["must be include, review, exclude or selected (comma-separated for several)."];
        }

        if (query.Text is { Length: > 200 })
        {
            errors["q"] = ["is longer than 200 characters."];
        }

        problem = errors.Count > 0 ? ReviewResponse.Invalid(errors) : null;
        return problem is null;
    }

    private static bool Matches(ReviewArticle article, ReviewQuery query)
    {
        if (query.Band is { Length: > 0 } band && !band.Split(',').Any(b => b == article.Band || (b == "selected" && article.Selected)))
        {
            return false;
        }

        if (query.Source is { Length: > 0 } source && article.SourceId != source && article.Media != source)
        {
            return false;
        }

        return query.Text is not { Length: > 0 } text
            || article.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || article.OriginalTitle.Contains(text, StringComparison.OrdinalIgnoreCase)
            || article.Media.Contains(text, StringComparison.OrdinalIgnoreCase)
            || article.Summary.Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
