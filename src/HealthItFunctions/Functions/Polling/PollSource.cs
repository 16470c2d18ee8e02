using HealthItFunctions.Core.Polling;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Functions.Polling;

/// <summary>One source's list pages → one article-fetch message per new link.</summary>
public sealed class PollSource(SourcePoller poller)
{
    [Function(nameof(PollSource))]
    public Task Run([QueueTrigger("%Queues:SourcePolls%", Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        poller.HandleAsync(message, cancellationToken);
}
