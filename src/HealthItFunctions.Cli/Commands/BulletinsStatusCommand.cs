using System.CommandLine;
using System.Globalization;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit bulletins status [--month yyyy-MM]</c>: each month's archived versions and blobs, what was mailed
/// when, and the last send error, read from the bulletin records (one table query).
/// </summary>
internal sealed class BulletinsStatusCommand(IServiceProvider services) : ICliCommand
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public string Group => "bulletins";

    public Command Build()
    {
        var month = new Option<string?>("--month") { Description = "Only this month, yyyy-MM (e.g. 2021-08)." };
        var command = new Command("status", $"Each month's bulletin versions, blob names, sent-at, sent version and last send error (times in Beijing time). {CliApplication.ExitCodesHelp}")
        {
            month,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            BulletinMonth? only = null;
            if (result.GetValue(month) is { } text)
            {
                if (!BulletinMonth.TryParse(text, out var parsed))
                {
                    Console.Error.WriteLine($"error: --month '{text}' is not a month; write it as yyyy-MM, e.g. 2021-08.");
                    return CliOutput.UsageError;
                }

                only = parsed;
            }

            return await CliErrors.GuardStorageAsync(services, () => RunAsync(services.GetRequiredService<IBulletinStore>(), only, Console.Out, cancellationToken), cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(IBulletinStore store, BulletinMonth? only, TextWriter output, CancellationToken cancellationToken)
    {
        var records = (await store.ListAsync(cancellationToken))
            .Where(r => only is null || r.Month == only)
            .OrderBy(r => r.Month)
            .ToList();
        if (records.Count == 0)
        {
            CliOutput.Progress(only is { } m ? $"No bulletin for {m} yet: run `healthit publish --month {m}`." : "No bulletin published yet.");
            return CliOutput.Ok;
        }

        foreach (var record in records)
        {
            await WriteAsync(record, output);
        }

        return CliOutput.Ok;
    }

    private static async Task WriteAsync(BulletinRecord record, TextWriter output)
    {
        await output.WriteLineAsync($"{record.Month}  issue {record.IssueNumber}  {record.Stage.ToString().ToLowerInvariant()}  {record.Versions.Count} version(s)");
        await output.WriteLineAsync($"  draft:    v{record.Latest?.Version ?? 0}" +
            (record.NotifiedVersion > 0 ? $", editors notified of v{record.NotifiedVersion} at {Time(record.NotifiedAt)}" : ", editors not notified"));
        await output.WriteLineAsync(record.ApprovedVersion > 0
            ? $"  approved: v{record.ApprovedVersion} by {record.ApprovedBy} at {Time(record.ApprovedAt)}"
            : "  approved: not yet");
        await output.WriteLineAsync(record.SentVersion > 0
            ? $"  sent:     v{record.SentVersion} to the readers at {Time(record.SentAt)}"
            : "  sent:     not yet");
        foreach (var version in record.Versions)
        {
            await output.WriteLineAsync($"  v{version.Version}  {Time(version.CreatedAt)}  {version.ArticleCount} articles  hash {version.ContentHash[..Math.Min(12, version.ContentHash.Length)]}");
            foreach (var blob in version.BlobNames)
            {
                await output.WriteLineAsync($"      bulletins/{blob}");
            }
        }

        if (record.ClaimedVersion is { } claimed)
        {
            await output.WriteLineAsync($"  sending v{claimed} to the readers since {Time(record.ClaimedAt)}");
        }

        if (record.NoticeClaimedVersion is { } notice)
        {
            await output.WriteLineAsync($"  sending the draft notice of v{notice} to the editors since {Time(record.NoticeClaimedAt)}");
        }

        await output.WriteLineAsync($"  last send error: {record.LastSendError ?? "none"}");
    }

    private static string Time(DateTimeOffset? at) =>
        at?.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "?";
}
