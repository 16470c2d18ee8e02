using HealthItFunctions.Core.Articles;
using HealthItFunctions.Infrastructure.Storage;

namespace HealthItFunctions.Cli.Commands;

/// <summary>The demo's closing report: what was found, kept and dropped and why, what it cost, and where the files are.</summary>
internal static class DemoSummary
{
    public static void Write(TextWriter output, DemoReport report, StorageTransactionCounter transactions,
        IReadOnlyList<string> files, IReadOnlyList<string> mails, int mailCount, TimeSpan elapsed)
    {
        var polls = report.Polls;
        output.WriteLine($"sources polled: {polls.Count} ({polls.Sum(p => p.PagesFetched)} list pages, {polls.Sum(p => p.PagesFailed)} failed)");
        foreach (var poll in polls)
        {
            output.WriteLine($"  {poll.SourceId,-14} {poll.LinksFound,3} links, {poll.NewLinks,3} new{string.Concat(poll.Problems.Select(p => "; " + p))}");
        }

        output.WriteLine($"articles: {report.Ingests.Count} processed, {report.Poisoned} poisoned after retries");
        foreach (var group in report.Ingests.GroupBy(i => i.Outcome).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key.ToString().ToLowerInvariant()}: {group.Count()}");
            foreach (var item in group)
            {
                var why = item.Outcome == IngestOutcome.Dropped ? item.Reason : $"{item.Band}";
                output.WriteLine($"    - {item.Title ?? item.ArticleId} [{why}]");
            }
        }

        output.WriteLine($"second poll: {report.SecondPollNewLinks} new links (only links whose fetch failed are offered again)");
        output.WriteLine($"editor decisions applied: {report.EditorDecisions}{(report.EditorMissing.Count > 0 ? $", not found: {string.Join(", ", report.EditorMissing)}" : "")}");
        var draft = report.Draft;
        output.WriteLine($"draft {draft.Month}: issue {draft.IssueNumber}, version {draft.Version}, {draft.ArticleCount} articles, notice to the editors {draft.Notice?.State}");
        var publish = report.Publish;
        output.WriteLine($"approved {publish.Month}: version {publish.Version}, {publish.ArticleCount} articles, {publish.Stage.ToString().ToLowerInvariant()}, mail to the readers {publish.Mail.State}");
        output.WriteLine("storage transactions:");
        foreach (var (outcome, (count, sum)) in report.Costs.OrderBy(c => c.Key))
        {
            output.WriteLine($"  per {outcome.ToString().ToLowerInvariant()} article: {(double)sum / count:F1} ({count} articles)");
        }

        output.WriteLine($"  per duplicate delivery: {report.DuplicateTransactions}");
        output.WriteLine($"  total: {transactions.Total}");
        output.WriteLine("files:");
        foreach (var path in files.Concat(mails))
        {
            output.WriteLine($"  {path}");
        }

        output.WriteLine($"mails received by the SMTP server: {mailCount}");
        output.WriteLine($"wall time: {elapsed.TotalSeconds:F1} s");
    }
}
