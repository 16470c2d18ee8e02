using System.Text.Json;
using HealthItFunctions.Cli.Jsonl;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary>The input and output halves shared by the JSONL-in, JSONL-out commands.</summary>
internal static class JsonlCommand
{
    /// <summary>The checked lines, or null after telling the user (on stderr) which file or line is wrong.</summary>
    public static IReadOnlyList<ArticleLine>? ReadInput(FileInfo input, IAnsiConsole errors)
    {
        if (!input.Exists)
        {
            errors.MarkupLineInterpolated($"[red]error:[/] input file '{input.FullName}' does not exist; pass an existing JSONL file with --jsonl.");
            return null;
        }

        try
        {
            return ArticleLines.Read(input.FullName);
        }
        catch (ArticleLineException e)
        {
            errors.MarkupLineInterpolated($"[red]error:[/] {input.Name} {e.Message}");
            return null;
        }
    }

    public static void WriteOutput(FileInfo output, IReadOnlyList<ArticleLine> lines, Action<Utf8JsonWriter, ArticleLine> write)
    {
        if (output.Directory is { Exists: false } directory)
        {
            directory.Create();
        }

        using var stream = output.Create();
        foreach (var line in lines)
        {
            using (var writer = new Utf8JsonWriter(stream, ArticleLines.WriterOptions))
            {
                write(writer, line);
            }

            stream.WriteByte((byte)'\n');
        }
    }
}
