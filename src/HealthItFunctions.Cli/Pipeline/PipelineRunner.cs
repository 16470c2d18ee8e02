using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Local;
using HealthItFunctions.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Pipeline;

/// <summary>
/// `healthit poll --once` and `healthit process`: the same services the functions call, driven by draining the
/// queues with the host's retry and poison semantics (host.json).
/// </summary>
public sealed class PipelineRunner(
    SourcePoller poller,
    ArticleIngestor ingestor,
    QueueDrainer drainer,
    StorageTransactionCounter transactions,
    IOptions<QueueOptions> queues)
{
    /// <summary>How long a failed message stays invisible before its retry, locally (the host uses host.json's visibilityTimeout).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken) => await poller.EnqueueDueAsync(cancellationToken);

    public async Task<(IReadOnlyList<PollResult> Results, int Poisoned)> DrainPollsAsync(Action<string>? progress, CancellationToken cancellationToken)
    {
        var results = new List<PollResult>();
        var (_, poisoned) = await drainer.DrainAsync(queues.Value.SourcePolls, async (message, ct) =>
        {
            if (await poller.HandleAsync(message, ct) is { } result)
            {
                results.Add(result);
                progress?.Invoke($"polled {result.SourceId}: {result.LinksFound} links, {result.NewLinks} new{(result.PagesFailed > 0 ? $", {result.PagesFailed} list pages failed" : "")}");
            }
        }, RetryDelay, cancellationToken);
        return (results, poisoned);
    }

    public async Task<(IReadOnlyList<IngestResult> Results, int Poisoned, Dictionary<IngestOutcome, (int, int)> Costs)> DrainArticlesAsync(
        Action<string>? progress, CancellationToken cancellationToken)
    {
        var results = new List<IngestResult>();
        var costs = new Dictionary<IngestOutcome, (int Count, int Transactions)>();
        var (_, poisoned) = await drainer.DrainAsync(queues.Value.ArticleFetch, async (message, attempt, ct) =>
        {
            var before = transactions.Total;
            if (await ingestor.HandleAsync(message, attempt, ct) is not { } result)
            {
                return;
            }

            var cost = transactions.Total - before;
            var (count, sum) = costs.GetValueOrDefault(result.Outcome);
            costs[result.Outcome] = (count + 1, sum + cost);
            results.Add(result);
            progress?.Invoke($"[{results.Count}] {result.Outcome.ToString().ToLowerInvariant()}: {result.Title ?? result.Reason}");
        }, RetryDelay, cancellationToken);
        return (results, poisoned, costs);
    }
}
