using System.CommandLine;
using HealthItFunctions.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit digest [--dry-run]</c>: what DailyDigest does, on demand.</summary>
internal sealed class DigestCommand(IServiceProvider services) : ICliCommand
{
    public Command Build()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what the digest would contain: claim nothing, mail nobody." };
        var command = new Command("digest", $"Mail the editors the Include and Review articles stored since the last digest (nothing new: no mail). {CliApplication.ExitCodesHelp}")
        {
            dryRun,
        };
        command.SetAction(async (result, cancellationToken) => await CliErrors.GuardStorageAsync(services, () =>
            RunAsync(services.GetRequiredService<DigestService>(), result.GetValue(dryRun), Console.Out, cancellationToken), cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(DigestService digest, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await digest.RunAsync(dryRun, cancellationToken);
        await output.WriteLineAsync($"digest {result.Since:u} .. {result.Until:u}: {result.Included.Count} included, {result.Review.Count} to review, {result.Outcome}");
        foreach (var article in result.Included.Select(a => ("include", a)).Concat(result.Review.Select(a => ("review", a))))
        {
            await output.WriteLineAsync($"  {article.Item1,-7} {article.a.EditedTitle ?? article.a.Title}  {article.a.CanonicalUrl}");
        }

        if (result.Outcome == DigestOutcome.Failed)
        {
            Console.Error.WriteLine($"error: the digest was not sent: {result.Error}. Check the Mail:* settings; the next run sends these articles again.");
            return CliOutput.RuntimeError;
        }

        return CliOutput.Ok;
    }
}
