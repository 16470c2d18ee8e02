using HealthItFunctions.Core.Articles;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Processing;

/// <summary>
/// Every article message the host gave up on, whatever the failure: recorded for the source's health, and the link
/// marked failed so polls stop re-enqueueing it.
/// </summary>
public sealed class RecordPoisonedArticle(ArticleIngestor ingestor)
{
    [Function(nameof(RecordPoisonedArticle))]
    public Task Run([QueueTrigger("%Queues:ArticleFetch%-poison", Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        ingestor.RecordPoisonedAsync(message, cancellationToken);
}
