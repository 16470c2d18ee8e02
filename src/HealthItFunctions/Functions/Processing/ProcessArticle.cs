using HealthItFunctions.Core.Articles;
using HealthItFunctions.Infrastructure.Local;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Processing;

/// <summary>
/// Fetch, extract, score and store one article. A fetch failure throws, so the host retries and then poisons; the last
/// delivery (DequeueCount = host.json's maxDequeueCount) records the failure first, for the source's health.
/// </summary>
public sealed class ProcessArticle(ArticleIngestor ingestor, QueueHostSettings queues)
{
    [Function(nameof(ProcessArticle))]
    public Task Run([QueueTrigger("%Queues:ArticleFetch%", Connection = "AzureWebJobsStorage")] string message, FunctionContext context, CancellationToken cancellationToken)
    {
        var attempt = context.BindingContext.BindingData.TryGetValue("DequeueCount", out var count) && long.TryParse(count?.ToString(), out var value)
            ? new DeliveryAttempt(value, queues.MaxDequeueCount)
            : (DeliveryAttempt?)null;
        return ingestor.HandleAsync(message, attempt, cancellationToken);
    }
}
