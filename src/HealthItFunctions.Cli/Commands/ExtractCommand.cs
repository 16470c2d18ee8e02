using System.CommandLine;
using HealthItFunctions.Cli.Pages;
using HealthItFunctions.Core.Extraction;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit extract &lt;pagesDir&gt; --jsonl &lt;out&gt;</c>: one JSON line per &lt;id&gt;.html.</summary>
internal sealed class ExtractCommand(ArticleReader reader, IAnsiConsole console) : ICliCommand
{
    public Command Build()
    {
        var pagesDir = new Argument<DirectoryInfo>("pagesDir") { Description = "Directory of <id>.html files; URLs come from index.jsonl in its parent when present." };
        var jsonl = new Option<FileInfo>("--jsonl") { Description = "Output file, one JSON line per page.", Required = true };
        var command = new Command("extract", "Extract title, publish time, author, source and body from saved pages.") { pagesDir, jsonl };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetRequiredValue(pagesDir), result.GetRequiredValue(jsonl), cancellationToken));
        return command;
    }

    internal async Task<int> RunAsync(DirectoryInfo pagesDir, FileInfo output, CancellationToken cancellationToken)
    {
        PageSet pages;
        try
        {
            pages = PageSet.Open(pagesDir);
        }
        catch (DirectoryNotFoundException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        if (output.Directory is { Exists: false } directory)
        {
            directory.Create();
        }

        var failures = 0;
        await using var stream = output.Create();
        await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("extracting", maxValue: Math.Max(1, pages.Pages.Count));
            foreach (var page in pages.Pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bytes = await File.ReadAllBytesAsync(page.File.FullName, cancellationToken);
                ExtractionResult result;
                try
                {
                    result = reader.Read(bytes, url: page.Uri);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One malformed page must not cost the others their lines.
                    failures++;
                    console.MarkupLineInterpolated($"[yellow]warning:[/] {page.Id}: {e.Message}");
                    result = ExtractionResult.NotAnArticle(NotArticleReason.NoMainContent, e.Message);
                }

                ExtractionJsonl.WriteLine(stream, page.Id, page.Url, result);
                task.Increment(1);
            }
        });

        console.MarkupLineInterpolated($"wrote {pages.Pages.Count} lines to {output.FullName}{(failures > 0 ? $" ({failures} pages failed)" : "")}");
        return 0;
    }
}
