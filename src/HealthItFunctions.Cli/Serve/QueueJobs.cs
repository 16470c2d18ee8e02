using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Polling;
using Microsoft.Azure.WebJobs;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// The queue functions, hosted by the WebJobs SDK queue listener, the engine the Functions host itself runs them on:
/// the same trigger settings, the same Core call, and the listener's batch, retry and poison handling from host.json.
/// Public because the SDK only indexes public types and methods.
/// </summary>
public sealed class QueueJobs(SourcePoller poller, ArticleIngestor ingestor)
{
    [FunctionName("PollSource")]
    public Task PollSource([QueueTrigger("%Queues:SourcePolls%", Connection = ServeHost.StorageConnection)] string message, CancellationToken cancellationToken) =>
        poller.HandleAsync(message, cancellationToken);

    [FunctionName("ProcessArticle")]
    public Task ProcessArticle([QueueTrigger("%Queues:ArticleFetch%", Connection = ServeHost.StorageConnection)] string message, CancellationToken cancellationToken) =>
        ingestor.HandleAsync(message, cancellationToken);

    [FunctionName("RecordPoisonedArticle")]
    public Task RecordPoisonedArticle([QueueTrigger("%Queues:ArticleFetch%-poison", Connection = ServeHost.StorageConnection)] string message, CancellationToken cancellationToken) =>
        ingestor.RecordPoisonedAsync(message, cancellationToken);
}
