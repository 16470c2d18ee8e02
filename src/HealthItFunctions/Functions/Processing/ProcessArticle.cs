using HealthItFunctions.Core.Articles;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Processing;

/// <summary>
/// Fetch, extract, score and store one article. A fetch failure (or an anti-bot wall) throws, so the host retries and
/// then poisons; <see cref="RecordPoisonedArticle"/> records what was poisoned.
/// </summary>
public sealed class ProcessArticle(ArticleIngestor ingestor)
{
    [Function(nameof(ProcessArticle))]
    public Task Run([QueueTrigger("%Queues:ArticleFetch%", Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        ingestor.HandleAsync(message, cancellationToken);
}
