using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Functions.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Functions.Extraction;

/// <summary>
/// Lets an operator post a saved page and see what the extractor makes of it, each field with the rule that
/// produced it, before changing that source's rules in seeds/sources.json.
/// </summary>
public sealed class ExtractPreview(ArticleReader reader, IOptions<ExtractionOptions> options)
{
    [Function(nameof(ExtractPreview))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "extract")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        Uri? url = null;
        if (request.Query.TryGetValue("url", out var rawUrl)
            && !(Uri.TryCreate(rawUrl, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            return Results.BadRequest($"'url' must be an absolute http(s) URL, got '{rawUrl}'.");
        }

        // The extractor's own input cap (Extraction:MaxInputBytes), so a preview costs what an ingest may cost.
        var maxBytes = options.Value.MaxInputBytes;
        if (await ReviewHttp.ReadBytesAsync(request, maxBytes, cancellationToken) is not { } page)
        {
            return ReviewHttp.TooLarge(maxBytes, "A page to extract (setting Extraction:MaxInputBytes)");
        }

        if (page.Length == 0)
        {
            return Results.BadRequest("Post the page's HTML bytes as the request body.");
        }

        var result = reader.Read(page, request.ContentType, url);
        return result.IsArticle
            ? Results.Ok(result.Article)
            : Results.UnprocessableEntity(new { reason = result.Reason?.ToString(), detail = result.Detail });
    }
}
