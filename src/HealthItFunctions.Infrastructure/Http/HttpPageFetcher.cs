using System.Net;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Images;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>
/// The polite, guarded fetcher: robots.txt and the SSRF guard are checked on every redirect hop (redirects are
/// followed here, not by the handler), pacing/retries/circuit breaking live in the client's resilience pipeline,
/// and the body is read against a cap. Every outcome comes back as a <see cref="FetchedPage"/>, never an exception.
/// </summary>
internal sealed partial class HttpPageFetcher(
    HttpClient client,
    IRobotsPolicy robots,
    SsrfGuard guard,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<HttpPageFetcher> logger) : IPageFetcher
{
    public async Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        var trail = new Trail(request, time.GetUtcNow());
        try
        {
            var page = await FollowAsync(request, trail, settings, deadline.Token).ConfigureAwait(false);
            if (page.Outcome is FetchOutcome.Failed or FetchOutcome.Refused)
            {
                LogUnsuccessful(page.RequestedUrl, page.Outcome, page.Reason);
            }

            return page;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var page = trail.Failed($"gave up after {settings.Timeout.TotalSeconds:0.#} s ({PollingOptions.Section}:Timeout)");
            LogUnsuccessful(page.RequestedUrl, page.Outcome, page.Reason);
            return page;
        }
    }

    private async Task<FetchedPage> FollowAsync(FetchRequest request, Trail trail, PollingOptions settings, CancellationToken cancellationToken)
    {
        var post = request.IsPost;
        for (var hop = 0; ; hop++)
        {
            var url = trail.Current;
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            {
                return trail.Refused($"{url} is not an http(s) URL");
            }

            if (guard.CheckLiteral(url) is { } literalRefusal)
            {
                return trail.Refused(literalRefusal);
            }

            try
            {
                if (settings.ObeyRobotsTxt && await robots.CheckAsync(url, cancellationToken).ConfigureAwait(false) is { IsAllowed: false } decision)
                {
                    return decision.Verdict == RobotsVerdict.Disallowed
                        ? trail.Refused($"disallowed by robots.txt ({decision.Reason}) for {url}")
                        : trail.Failed($"robots.txt of {url.GetLeftPart(UriPartial.Authority)} unavailable: {decision.Reason}");
                }

                using var message = CreateRequest(url, request, post);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                trail.Status = (int)response.StatusCode;

                if (IsRedirect(response.StatusCode))
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return trail.Failed($"HTTP {trail.Status} without a Location header at {url}");
                    }

                    var next = new Uri(url, location);
                    // RFC 9110 15.4: only 307 and 308 repeat the POST; the others continue as a GET, as browsers do.
                    post &= response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
                    if (!trail.Visit(next))
                    {
                        return trail.Refused($"redirect loop: {string.Join(" → ", trail.Hops)} → {next}");
                    }

                    if (hop >= settings.MaxRedirects)
                    {
                        return trail.Refused($"more than {settings.MaxRedirects} redirects: {string.Join(" → ", trail.Hops)}");
                    }

                    continue;
                }

                return await CompleteAsync(response, request, trail, settings, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (FindSsrf(e) is { } ssrf)
            {
                return trail.Refused(ssrf.Message);
            }
            catch (BrokenCircuitException)
            {
                return trail.Failed($"{url.IdnHost} failed repeatedly; its circuit is open for up to {settings.CircuitBreakDuration.TotalMinutes:0.#} min");
            }
            catch (TimeoutRejectedException)
            {
                return trail.Failed($"no response from {url.IdnHost} within {settings.AttemptTimeout.TotalSeconds:0.#} s per attempt, {settings.MaxRetries + 1} attempts");
            }
            catch (HttpRequestException e)
            {
                return trail.Failed($"network error at {url}: {e.Message}");
            }
        }
    }

    private async Task<FetchedPage> CompleteAsync(
        HttpResponseMessage response, FetchRequest request, Trail trail, PollingOptions settings, CancellationToken cancellationToken)
    {
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            // A 304 may omit the validators; the ones we sent still hold.
            return trail.Page(FetchOutcome.NotModified) with
            {
                ETag = etag ?? request.ETag,
                LastModified = lastModified ?? request.LastModified,
            };
        }

        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = response.Headers.RetryAfter is { } header ? $" (Retry-After {header})" : "";
            return trail.Failed($"HTTP {trail.Status} {response.ReasonPhrase}{retryAfter} at {trail.Current}");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var isImage = request.Kind == FetchKind.Image;
        if (isImage ? !ContentTypes.IsImage(mediaType) : mediaType is not null && !ContentTypes.IsAccepted(mediaType))
        {
            return trail.Refused(isImage
                ? $"content type {mediaType ?? "(none)"} is not a picture at {trail.Current}"
                : $"content type {mediaType} is neither HTML, a feed nor JSON at {trail.Current}");
        }

        var cap = isImage ? Math.Min(ImageLimits.MaxBytes, settings.MaxBodyBytes) : settings.MaxBodyBytes;

        byte[]? body;
        using (var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            bodyTimeout.CancelAfter(settings.AttemptTimeout);
            try
            {
                body = await CappedBody.ReadAsync(response.Content, cap, bodyTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return trail.Failed($"body of {trail.Current} not received within {settings.AttemptTimeout.TotalSeconds:0.#} s ({PollingOptions.Section}:AttemptTimeout)");
            }
            catch (IOException e)
            {
                return trail.Failed($"body of {trail.Current} cut off: {e.Message}");
            }
        }

        if (body is null)
        {
            return trail.Refused(isImage
                ? $"picture {trail.Current} is larger than {cap} bytes (the per-picture cap)"
                : $"body of {trail.Current} is larger than {cap} bytes ({PollingOptions.Section}:MaxBodyBytes)");
        }

        if (!isImage && mediaType is null && !ContentTypes.LooksLikeDocument(body))
        {
            return trail.Refused($"{trail.Current} has no content type and does not look like HTML, XML or JSON");
        }

        return trail.Page(FetchOutcome.Ok) with
        {
            Body = body,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            ETag = etag,
            LastModified = lastModified,
        };
    }

    private static HttpRequestMessage CreateRequest(Uri url, FetchRequest request, bool post)
    {
        var message = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, url);
        if (request.Kind == FetchKind.Image)
        {
            // Replaces the client's default (pages and feeds) for this request.
            message.Headers.Accept.ParseAdd(ContentTypes.ImageAcceptHeader);
        }

        if (post)
        {
            // A POST list query is a read (the site answers the same for the same body), so it is paced and retried like a GET;
            // validators are not sent, since servers do not answer a POST with 304.
            message.Content = new StringContent(request.PostBody!, System.Text.Encoding.UTF8, request.PostContentType);
            return message;
        }

        if (request.ETag is { } etag && EntityTagHeaderValueParser.TryParse(etag) is { } parsed)
        {
            message.Headers.IfNoneMatch.Add(parsed);
        }

        if (request.LastModified is { } lastModified)
        {
            message.Headers.IfModifiedSince = lastModified;
        }

        return message;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static SsrfRefusedException? FindSsrf(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SsrfRefusedException ssrf)
            {
                return ssrf;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetch {Url}: {Outcome}, {Reason}")]
    private partial void LogUnsuccessful(Uri url, FetchOutcome outcome, string? reason);

    /// <summary>Where a fetch has been: the hops for loop detection and messages, and the page built from them.</summary>
    private sealed class Trail(FetchRequest request, DateTimeOffset fetchedAt)
    {
        private readonly List<Uri> _hops = [request.Url];

        public Uri Current => _hops[^1];

        public IEnumerable<Uri> Hops => _hops;

        public int Status { get; set; }

        public bool Visit(Uri next)
        {
            if (_hops.Contains(next))
            {
                return false;
            }

            _hops.Add(next);
            return true;
        }

        public FetchedPage Page(FetchOutcome outcome) => new()
        {
            RequestedUrl = request.Url,
            FinalUrl = Current,
            Outcome = outcome,
            StatusCode = Status,
            FetchedAt = fetchedAt,
        };

        public FetchedPage Failed(string reason) => Page(FetchOutcome.Failed) with { Reason = reason };

        public FetchedPage Refused(string reason) => Page(FetchOutcome.Refused) with { Reason = reason };
    }
}

internal static class EntityTagHeaderValueParser
{
    /// <summary>Stored validators are sent back as the server wrote them; a malformed one is dropped rather than failing the fetch.</summary>
    public static System.Net.Http.Headers.EntityTagHeaderValue? TryParse(string value) =>
        System.Net.Http.Headers.EntityTagHeaderValue.TryParse(value, out var parsed) ? parsed : null;
}
