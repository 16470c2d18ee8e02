using HealthItFunctions.Local;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

internal sealed record DemoReport(
    IReadOnlyList<PollResult> Polls,
    IReadOnlyList<IngestResult> Ingests,
    IReadOnlyDictionary<IngestOutcome, (int Count, int Transactions)> Costs,
    int Poisoned,
    int SecondPollNewLinks,
    int DuplicateTransactions,
    int EditorDecisions,
    IReadOnlyList<string> EditorMissing,
    PublishResult Draft,
    PublishResult Publish);

/// <summary>The demo's steps, each through the service a function would call.</summary>
internal static class DemoRun
{
    public static async Task<DemoReport> RunAsync(IServiceProvider services, PipelineRunner runner, string replayDirectory, BulletinMonth month, CancellationToken cancellationToken)
    {
        CliOutput.Progress("poll: enqueueing the due sources");
        await runner.EnqueueDueAsync(cancellationToken);
        var (polls, poisonedPolls) = await runner.DrainPollsAsync(CliOutput.Progress, cancellationToken);

        CliOutput.Progress("process: fetch, extract, score and store each new link");
        var (ingests, poisonedArticles, costs) = await runner.DrainArticlesAsync(CliOutput.Progress, cancellationToken);

        // At-least-once delivery: poll again and deliver one stored article twice; neither may store anything.
        await runner.EnqueueDueAsync(cancellationToken);
        var (secondPolls, _) = await runner.DrainPollsAsync(null, cancellationToken);
        var duplicateCost = await RedeliverOneAsync(services, ingests, cancellationToken);

        // The month-end run: a draft, archived, and a notice to the editors with the draft attached.
        var publisher = services.GetRequiredService<BulletinPublisher>();
        CliOutput.Progress($"draft: {month}, notice to the editors");
        var draft = await publisher.PublishAsync(month, notify: true, cancellationToken);

        var store = services.GetRequiredService<IArticleStore>();
        var editorFile = Path.Combine(replayDirectory, "editor.json");
        var (applied, missing) = File.Exists(editorFile) ? await EditorDecisionsFile.ApplyAsync(editorFile, store, services.GetRequiredService<ISourceCatalog>(), cancellationToken) : (0, []);
        CliOutput.Progress($"editor: applied {applied} decisions from {Path.GetFileName(editorFile)}");

        // The editor previews the curated bulletin and approves exactly that (its hash); the readers get it once.
        var previewed = await publisher.PreviewAsync(month, cancellationToken);
        CliOutput.Progress($"approve: {month} as \"{DemoEnvironment.EditorName}\", mail to the readers");
        var approval = await publisher.ApproveAsync(month, previewed.ContentHash, DemoEnvironment.EditorName, confirmResend: false, cancellationToken);
        var publish = approval.Published
            ?? throw new InvalidOperationException($"The demo's approval of {month} ended {approval.Outcome}, not approved.");
        return new DemoReport(polls, ingests, costs, poisonedPolls + poisonedArticles, secondPolls.Sum(p => p.NewLinks), duplicateCost, applied, missing, draft, publish);
    }

    private static async Task<int> RedeliverOneAsync(IServiceProvider services, IReadOnlyList<IngestResult> ingests, CancellationToken cancellationToken)
    {
        if (ingests.FirstOrDefault(i => i.Outcome == IngestOutcome.Stored) is not { } first
            || await services.GetRequiredService<IArticleStore>().GetAsync(first.ArticleId, cancellationToken) is not { } article)
        {
            return 0;
        }

        var counter = services.GetRequiredService<StorageTransactionCounter>();
        var before = counter.Total;
        var message = new ArticleFetchMessage(ArticleFetchMessage.CurrentVersion, article.SourceId, article.Url, article.CanonicalUrl, null, null, article.DiscoveredAt);
        var again = await services.GetRequiredService<ArticleIngestor>().IngestAsync(message, cancellationToken);
        if (again.Outcome != IngestOutcome.Duplicate)
        {
            throw new InvalidOperationException($"A second delivery of {article.Url} was {again.Outcome}, not a duplicate.");
        }

        return counter.Total - before;
    }
}
