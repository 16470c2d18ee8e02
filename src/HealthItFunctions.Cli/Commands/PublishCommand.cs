using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Publishing;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit publish --month yyyy-MM</c>: what PublishBulletin does, for any month (backfills).</summary>
internal sealed class PublishCommand(IServiceProvider services) : ICliCommand
{
    public Command Build()
    {
        var month = new Option<string>("--month") { Description = "The month to publish, yyyy-MM (e.g. 2021-08).", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Render only: archive nothing, mail nobody." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Also write the bulletin files into this folder." };
        var command = new Command("publish", $"Build a month's draft: render .md/.html/.docx, archive a new version if the content changed, tell the editors when the selection changed. Readers get it once an editor approves it on the review page. {CliApplication.ExitCodesHelp}")
        {
            month, dryRun, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!BulletinMonth.TryParse(result.GetValue(month), out var parsed))
            {
                Console.Error.WriteLine($"error: --month '{result.GetValue(month)}' is not a month; write it as yyyy-MM, e.g. 2021-08.");
                return CliOutput.UsageError;
            }

            return await CliErrors.GuardStorageAsync(services, async () =>
            {
                // Resolved here, not at start-up: a missing setting becomes a one-line error, and `extract` needs none.
                var publisher = services.GetRequiredService<BulletinPublisher>();
                IReadOnlyList<RenderedFile> files;
                IReadOnlyList<BulletinPicture> pictures;
                if (result.GetValue(dryRun))
                {
                    var preview = await publisher.PreviewAsync(parsed, cancellationToken);
                    files = preview.Files;
                    pictures = preview.Pictures;
                    Console.WriteLine($"{parsed}: issue {preview.Document.IssueNumber}, {preview.Document.Items.Count} articles (dry run: nothing archived or mailed)");
                }
                else
                {
                    var published = await publisher.PublishAsync(parsed, notify: true, cancellationToken);
                    files = published.Files;
                    pictures = published.Pictures;
                    Console.WriteLine($"{parsed}: issue {published.IssueNumber}, draft version {published.Version} ({(published.IsNewVersion ? "new" : "unchanged")}), {published.ArticleCount} articles, {published.Stage.ToString().ToLowerInvariant()}, notice to the editors {published.Notice?.State}");
                    if (published.Notice?.Error is { } error)
                    {
                        Console.Error.WriteLine($"warning: the draft notice was not sent: {error}");
                    }
                }

                if (result.GetValue(output) is { } directory)
                {
                    foreach (var path in await BulletinFiles.WriteAsync(directory, files, cancellationToken, pictures))
                    {
                        Console.WriteLine(path);
                    }
                }

                return CliOutput.Ok;
            }, cancellationToken);
        });
        return command;
    }
}

internal static class BulletinFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(
        DirectoryInfo directory, IEnumerable<RenderedFile> files, CancellationToken cancellationToken, IReadOnlyList<BulletinPicture>? pictures = null)
    {
        directory.Create();
        var paths = new List<string>();
        // The HTML and Markdown point at images/<file>, as the archived copies do in Blob Storage.
        foreach (var picture in pictures ?? [])
        {
            var path = Path.Combine(directory.FullName, BulletinWording.PictureFolder, picture.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, picture.Content, cancellationToken);
        }

        foreach (var file in files)
        {
            var path = Path.Combine(directory.FullName, file.FileName);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
            paths.Add(path);
        }

        return paths;
    }
}
