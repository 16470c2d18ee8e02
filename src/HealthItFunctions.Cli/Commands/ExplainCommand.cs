using System.CommandLine;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Cli.Pages;
using HealthItFunctions.Core.Extraction.Layers;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit explain &lt;file&gt; [--url u]</c>: one page's fields with the rule that produced each, for fixing bad pages.</summary>
internal sealed class ExplainCommand(ArticleReader reader, IAnsiConsole console) : ICliCommand
{
    /// <summary>Errors only; the explanation itself is the result and goes to <c>console</c> (stdout).</summary>
    internal IAnsiConsole Errors { get; init; } = CliConsole.Stderr;

    public Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "A saved HTML page." };
        var url = new Option<string?>("--url") { Description = "The page's URL (selects per-source rules and URL dates)." };
        var command = new Command("explain", "Show what the extractor finds on one page and which rule found it.") { file, url };
        command.SetAction(result => Run(result.GetRequiredValue(file), Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var uri) ? uri : null));
        return command;
    }

    internal int Run(FileInfo file, Uri? url)
    {
        if (!file.Exists)
        {
            Errors.MarkupLineInterpolated($"[red]error:[/] '{file.FullName}' does not exist; pass a saved HTML page.");
            return CliOutput.RuntimeError;
        }

        var result = reader.Read(File.ReadAllBytes(file.FullName), url: url);
        console.MarkupLineInterpolated($"encoding: {result.Encoding} ({result.EncodingEvidence})");
        if (result.Article is not { } article)
        {
            console.MarkupLineInterpolated($"[yellow]not an article[/] ({result.Reason}): {result.Detail}");
            return 0;
        }

        var table = new Table().AddColumns("field", "value", "rule");
        string Rule(ArticleField field) => Markup.Escape(article.Rules.GetValueOrDefault(field) ?? "");
        table.AddRow("title", Markup.Escape(article.Title), Rule(ArticleField.Title));
        table.AddRow("publish time", Markup.Escape(article.PublishTime?.ToIsoString() ?? ""), Rule(ArticleField.PublishTime));
        table.AddRow("source", Markup.Escape(article.Source ?? ""), Rule(ArticleField.Source));
        table.AddRow("media", Markup.Escape(article.Media ?? ""), Rule(ArticleField.Media));
        table.AddRow("author", Markup.Escape(article.Author ?? ""), Rule(ArticleField.Author));
        table.AddRow("language", article.Language, Rule(ArticleField.Language));
        table.AddRow("images", Markup.Escape(string.Join("\n", article.LeadImages)), Rule(ArticleField.Images));
        table.AddRow("body", $"{article.Paragraphs.Count} paragraphs", Rule(ArticleField.Body));
        console.Write(table);
        WriteSteps();
        WriteChain(article);
        foreach (var paragraph in article.Paragraphs)
        {
            console.WriteLine(paragraph);
        }

        return 0;
    }

    /// <summary>The chain's steps in the order they run (<see cref="ExtractionChain"/>), so a rule's place is plain.</summary>
    private void WriteSteps()
    {
        var steps = new Table().Title("the chain, in the order it runs; a rule's [list: word] names the lexicon entry that matched").AddColumns("#", "step", "reads");
        var number = 0;
        foreach (var (name, does) in ExtractionChain.Describe())
        {
            steps.AddRow((++number).ToString(), Markup.Escape(name), Markup.Escape(does));
        }

        console.Write(steps);
    }

    /// <summary>The whole chain per field: every candidate the layers offered, in order, and what became of it.</summary>
    private void WriteChain(ExtractedArticle article)
    {
        var chain = new Table().Title("candidates per field, in the order the layers offered them").AddColumns("field", "candidate", "rule", "outcome");
        foreach (var group in article.Candidates.GroupBy(c => c.Field).OrderBy(g => g.Key))
        {
            foreach (var candidate in group)
            {
                var outcome = candidate.IsWinner ? "[green]won[/]" : Markup.Escape(candidate.Outcome);
                chain.AddRow(group.Key.ToString(), Markup.Escape(Shorten(candidate.Value)), Markup.Escape(candidate.Rule), outcome);
            }
        }

        console.Write(chain);
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..59] + "…";
}
