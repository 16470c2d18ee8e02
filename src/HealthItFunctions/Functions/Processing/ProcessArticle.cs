using HealthItFunctions.Core.Articles;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Processing;

/// <summary>Fetch, extract, score and store one article. A fetch failure throws, so the host retries and then poisons.</summary>
public sealed class ProcessArticle(ArticleIngestor ingestor)
{
    [Function(nameof(ProcessArticle))]
    public Task Run([QueueTrigger("%Queues:ArticleFetch%", Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        ingestor.HandleAsync(message, cancellationToken);
}
