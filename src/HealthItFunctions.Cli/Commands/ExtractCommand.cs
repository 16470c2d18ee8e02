using System.CommandLine;
using HealthItFunctions.Cli.Pages;
using HealthItFunctions.Core.Extraction;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit extract &lt;pagesDir&gt; --jsonl &lt;out&gt;</c>: one JSON line per &lt;id&gt;.html.</summary>
internal sealed class ExtractCommand(ArticleReader reader, IOptions<ExtractionOptions> options) : ICliCommand
{
    /// <summary>Errors, warnings, progress and the summary: the data goes to the JSONL file, never to this console.</summary>
    internal IAnsiConsole Errors { get; init; } = CliConsole.Stderr;

    public Command Build()
    {
        var pagesDir = new Argument<DirectoryInfo>("pagesDir") { Description = "Directory of <id>.html files; URLs come from index.jsonl in its parent when present." };
        var jsonl = new Option<FileInfo>("--jsonl") { Description = "Output file, one JSON line per page.", Required = true };
        var verbose = new Option<bool>("--verbose") { Description = "Add \"encoding\" and \"encoding_evidence\" (what decided the page's decoding) to every line." };
        var command = new Command("extract", $"Extract title, publish time, author, source and body from saved pages. Pages over Extraction:MaxInputBytes ({options.Value.MaxInputBytes} bytes) are skipped with a reason.") { pagesDir, jsonl, verbose };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetRequiredValue(pagesDir), result.GetRequiredValue(jsonl), cancellationToken, result.GetValue(verbose)));
        return command;
    }

    internal async Task<int> RunAsync(DirectoryInfo pagesDir, FileInfo output, CancellationToken cancellationToken, bool verbose = false)
    {
        PageSet pages;
        try
        {
            pages = PageSet.Open(pagesDir);
        }
        catch (DirectoryNotFoundException e)
        {
            Errors.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        if (pages.Pages.Count == 0)
        {
            // An empty result would look like success; most likely the wrong folder was given.
            Errors.MarkupLineInterpolated($"[red]error:[/] '{pagesDir.FullName}' holds no .html pages; pass the folder of saved <id>.html pages (use 'healthit explain' for one page).");
            return CliOutput.RuntimeError;
        }

        if (OpenOutput(output) is not { } stream)
        {
            return 2;
        }

        var failures = 0;
        await using (stream)
        {
            if (CliConsole.ShowsProgress(Errors))
            {
                await Errors.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("extracting", maxValue: Math.Max(1, pages.Pages.Count));
                    failures = await ExtractAllAsync(pages, stream, () => task.Increment(1), verbose, cancellationToken);
                });
            }
            else
            {
                failures = await ExtractAllAsync(pages, stream, () => { }, verbose, cancellationToken);
            }
        }

        Errors.MarkupLineInterpolated($"wrote {pages.Pages.Count} lines to {output.FullName}{(failures > 0 ? $" ({failures} pages failed)" : "")}");
        return 0;
    }

    /// <summary>A directory, a missing permission or a read-only disk is the user's to fix: say which, no stack trace.</summary>
    private FileStream? OpenOutput(FileInfo output)
    {
        if (Directory.Exists(output.FullName))
        {
            Errors.MarkupLineInterpolated($"[red]error:[/] --jsonl '{output.FullName}' is a directory; pass a file path such as {Path.Combine(output.FullName, "extracted.jsonl")}.");
            return null;
        }

        try
        {
            output.Directory?.Create();
            return output.Create();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            Errors.MarkupLineInterpolated($"[red]error:[/] cannot write --jsonl '{output.FullName}': {e.Message} Choose a writable path.");
            return null;
        }
    }

    private async Task<int> ExtractAllAsync(PageSet pages, Stream stream, Action advance, bool verbose, CancellationToken cancellationToken)
    {
        var failures = 0;
        var maxBytes = options.Value.MaxInputBytes;
        foreach (var page in pages.Pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (page.File.Length > maxBytes)
            {
                var reason = $"too_large: {page.File.Length} bytes, over the {maxBytes}-byte limit (setting Extraction:MaxInputBytes)";
                Errors.MarkupLineInterpolated($"[yellow]warning:[/] {page.Id}: {reason}");
                ExtractionJsonl.WriteRefused(stream, page.Id, page.Url, reason);
                advance();
                continue;
            }

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
                Errors.MarkupLineInterpolated($"[yellow]warning:[/] {page.Id}: {e.Message}");
                result = ExtractionResult.NotAnArticle(NotArticleReason.NoMainContent, e.Message);
            }

            if (result.EncodingEvidence?.StartsWith("mixed:", StringComparison.Ordinal) == true)
            {
                // Decoded run by run, which is right for stitched pages; say so, since a mis-saved page looks the same.
                Errors.MarkupLineInterpolated($"[yellow]warning:[/] {page.Id}: the page mixes encodings, decoded per run ({result.EncodingEvidence})");
            }

            ExtractionJsonl.WriteLine(stream, page.Id, page.Url, result, verbose);
            advance();
        }

        return failures;
    }
}
