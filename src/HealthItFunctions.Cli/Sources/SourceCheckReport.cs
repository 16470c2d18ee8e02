using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Cli.Sources;

/// <summary>Plain-text lines for `healthit sources check`.</summary>
internal static class SourceCheckReport
{
    public static void Write(TextWriter output, SourceCheck check)
    {
        WriteChecks(output, check);
        WriteUnverified(output, check.Source);
    }

    /// <summary>One line per rule that cites no evidence: the operator sees which rules are guesses (seeds/sources.json "evidence").</summary>
    public static void WriteUnverified(TextWriter output, SourceDefinition source)
    {
        foreach (var rule in source.UnverifiedRules())
        {
            output.WriteLine($"unverified: {source.Id} {rule} (no evidence)");
        }
    }

    private static void WriteChecks(TextWriter output, SourceCheck check)
    {
        var source = check.Source;
        output.WriteLine($"{source.Id} ({source.Media}, {source.List!.Kind.ToString().ToLowerInvariant()}){(check.Healthy ? "" : "  NEEDS ATTENTION")}");
        foreach (var list in check.Lists)
        {
            output.WriteLine(list.Outcome == Core.Fetching.FetchOutcome.Ok
                ? $"  list {list.Url}: {list.Links.Count} links{(list.Links.Count == 0 ? " (the link rule matches nothing: redesigned?)" : "")}"
                : $"  list {list.Url}: {list.Outcome.ToString().ToLowerInvariant()}: {list.Reason}");
            foreach (var note in list.Notes)
            {
                output.WriteLine($"    note: {note}");
            }

            foreach (var link in list.Links.Take(3))
            {
                output.WriteLine($"    {link.Date?.ToString("yyyy-MM-dd") ?? "(no date)",-10}  {link.Title ?? "(no title)"}  {link.Url}");
            }
        }

        if (check.Sample is not { } sample)
        {
            output.WriteLine("  sample article: none (no links)");
            return;
        }

        if (sample.Article is not { } article)
        {
            output.WriteLine($"  sample {sample.Url}: {sample.Problem}");
            return;
        }

        output.WriteLine($"  sample {sample.Url}");
        output.WriteLine($"    title: {article.Title} [{article.Rules.GetValueOrDefault(ArticleField.Title)}]");
        output.WriteLine($"    time: {article.PublishTime?.ToIsoString() ?? "-"} [{article.Rules.GetValueOrDefault(ArticleField.PublishTime) ?? "-"}]");
        output.WriteLine($"    source: {article.Source ?? "-"} [{article.Rules.GetValueOrDefault(ArticleField.Source) ?? "-"}]");
        output.WriteLine(source.Detail is null
            ? "    detail rules: none in the catalog (generic extraction)"
            : sample.FromSourceRules.Count > 0
                ? $"    detail rules matched: {string.Join(", ", sample.FromSourceRules)}"
                : "    detail rules matched NOTHING: every field came from families or the generic extractor");
    }
}
