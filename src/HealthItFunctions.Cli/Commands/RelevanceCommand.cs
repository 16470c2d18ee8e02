using System.CommandLine;
using System.Text.Json;
using HealthItFunctions.Cli.Jsonl;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Cli.Pages;
using Spectre.Console;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit relevance --jsonl IN --out OUT</c>: one line {"id","score","band","terms":[{"axis","term","where","count"}]}
/// per input line {"id","title","content"}, in input order.
/// </summary>
internal sealed class RelevanceCommand(RelevanceScorer scorer) : ICliCommand
{
    /// <summary>Errors and the summary: the results go to the --out file, and stdout stays empty.</summary>
    internal IAnsiConsole Errors { get; init; } = CliConsole.Stderr;

    public Command Build()
    {
        var input = new Option<FileInfo>("--jsonl") { Description = "Input JSONL, one {\"id\",\"title\",\"content\"} per line.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Output JSONL, one {\"id\",\"score\",\"band\",\"terms\"} per input line.", Required = true };
        var command = new Command("relevance", $"Score articles against seeds/lexicon.json: include, review or exclude, with the matched terms. {CliApplication.ExitCodesHelp}")
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

        var bands = new Dictionary<RelevanceBand, int>();
        JsonlCommand.WriteOutput(output, lines, (writer, line) =>
        {
            var assessment = scorer.Score(line.Title, line.Content);
            bands[assessment.Band] = bands.GetValueOrDefault(assessment.Band) + 1;
            Write(writer, line.Id, assessment);
        });
        Errors.MarkupLineInterpolated($"wrote {lines.Count} lines to {output.FullName}: {bands.GetValueOrDefault(RelevanceBand.Include)} include, {bands.GetValueOrDefault(RelevanceBand.Review)} review, {bands.GetValueOrDefault(RelevanceBand.Exclude)} exclude");
        return 0;
    }

    private static void Write(Utf8JsonWriter writer, string id, RelevanceAssessment assessment)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteNumber("score", assessment.Score);
        writer.WriteString("band", assessment.Band.ToString().ToLowerInvariant());
        writer.WriteStartArray("terms");
        foreach (var term in assessment.Terms)
        {
            writer.WriteStartObject();
            writer.WriteString("axis", term.Axis);
            writer.WriteString("term", term.Term);
            writer.WriteString("where", term.Where == MatchLocation.Title ? "title" : "body");
            writer.WriteNumber("count", term.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
