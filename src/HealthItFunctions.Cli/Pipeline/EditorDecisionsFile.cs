using System.Text.Json;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Urls;

namespace HealthItFunctions.Cli.Pipeline;

/// <summary>
/// editor.json of a replay: the decisions an editor made for that month (assign to a month, order, include or
/// exclude), applied through <see cref="IArticleStore.EditAsync"/> exactly as the review page applies them.
/// </summary>
public static class EditorDecisionsFile
{
    private sealed record DecisionLine(string Url, string? AssignMonth, int? Order, string? Decision);

    private sealed record FileShape(string? Month, List<DecisionLine> Decisions);

    /// <returns>How many decisions were applied, and the URLs whose article was never stored.</returns>
    public static async Task<(int Applied, IReadOnlyList<string> Missing)> ApplyAsync(string path, IArticleStore store, ISourceCatalog catalog, CancellationToken cancellationToken)
    {
        var file = JsonSerializer.Deserialize<FileShape>(await File.ReadAllTextAsync(path, cancellationToken), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty.");
        var applied = 0;
        var missing = new List<string>();
        foreach (var decision in file.Decisions)
        {
            var url = new Uri(decision.Url);
            var id = ArticleId.From(UrlCanonicalizer.Canonicalize(url, catalog.Current.Match(url)?.Canonical));
            var edit = new ArticleEdit
            {
                AssignMonth = decision.AssignMonth is { } month ? BulletinMonth.Parse(month) : null,
                Order = decision.Order,
                Decision = decision.Decision switch
                {
                    null => null,
                    "include" => EditorDecision.Include,
                    "exclude" => EditorDecision.Exclude,
                    var other => throw new InvalidDataException($"{path}: decision '{other}' for {decision.Url} must be include or exclude."),
                },
            };
            try
            {
                await store.EditAsync(id, edit, ifMatch: null, cancellationToken);
                applied++;
            }
            catch (ArticleNotFoundException)
            {
                missing.Add(decision.Url);
            }
        }

        return (applied, missing);
    }
}
