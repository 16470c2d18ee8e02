using HealthItFunctions.Core.Extraction;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Extraction;

/// <summary>
/// Lets an operator post a saved page and see what the extractor makes of it, each field with the rule that
/// produced it, before changing that source's rules in seeds/sources.json.
/// </summary>
public sealed class ExtractPreview(ArticleReader reader)
{
    [Function(nameof(ExtractPreview))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "extract")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        Uri? url = null;
        if (request.Query.TryGetValue("url", out var rawUrl)
            && !(Uri.TryCreate(rawUrl, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            return new BadRequestObjectResult($"'url' must be an absolute http(s) URL, got '{rawUrl}'.");
        }

        using var page = new MemoryStream();
        await request.Body.CopyToAsync(page, cancellationToken);
        if (page.Length == 0)
        {
            return new BadRequestObjectResult("Post the page's HTML bytes as the request body.");
        }

        var result = reader.Read(page.GetBuffer().AsSpan(0, (int)page.Length), request.ContentType, url);
        return result.IsArticle
            ? new OkObjectResult(result.Article)
            : new UnprocessableEntityObjectResult(new { reason = result.Reason?.ToString(), detail = result.Detail });
    }
}
