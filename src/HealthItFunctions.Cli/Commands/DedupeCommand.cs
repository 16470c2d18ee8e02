using System.CommandLine;
using HealthItFunctions.Cli.Jsonl;
using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Cli.Pages;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit dedupe --jsonl IN --out OUT</c>: one line {"id","cluster","primary"} per input line, in input order;
/// cluster is the id of the story's primary, chosen by the pipeline's rule (<see cref="Core.Articles.PrimaryRule"/>).
/// </summary>
internal sealed class DedupeCommand(ReprintClusterer clusterer) : ICliCommand
{
    /// <summary>Errors and the summary: the results go to the --out file, and stdout stays empty.</summary>
    internal IAnsiConsole Errors { get; init; } = CliConsole.Stderr;

    public Command Build()
    {
        var input = new Option<FileInfo>("--jsonl") { Description = "Input JSONL, one {\"id\",\"title\",\"content\",\"publish_time\"?,\"source\"?} per line.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Output JSONL, one {\"id\",\"cluster\",\"primary\"} per input line.", Required = true };
        var command = new Command("dedupe", $"Cluster reprints of one story by near-duplicate SimHash of the body. {CliApplication.ExitCodesHelp}")
        {
            input, output,
        };
        command.SetAction(result => Run(result.GetRequiredValue(input), result.GetRequiredValue(output)));
        return command;
    }

    internal int Run(FileInfo input, FileInfo output)
    {
        if (JsonlCommand.ReadInput(input, Errors) is not { } lines)
        {
            return CliOutput.RuntimeError;
        }

        var assignments = clusterer.Cluster(lines.Select(l => new ReprintCandidate(l.Id, l.Title, l.Content, l.PublishTime, l.Source)).ToList());
        var byId = assignments.ToDictionary(a => a.Id, StringComparer.Ordinal);
        JsonlCommand.WriteOutput(output, lines, (writer, line) =>
        {
            var assignment = byId[line.Id];
            writer.WriteStartObject();
            writer.WriteString("id", assignment.Id);
            writer.WriteString("cluster", assignment.Cluster);
            writer.WriteBoolean("primary", assignment.Primary);
            writer.WriteEndObject();
        });
        var clusters = assignments.Count(a => a.Primary);
        Errors.MarkupLineInterpolated($"wrote {lines.Count} lines to {output.FullName}: {clusters} stories, {lines.Count - clusters} reprints");
        return 0;
    }
}
