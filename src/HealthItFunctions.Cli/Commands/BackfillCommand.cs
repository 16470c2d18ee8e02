using System.CommandLine;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit backfill --month yyyy-MM [--source X]</c>: a past month's links, found by walking the lists back.</summary>
internal sealed class BackfillCommand(IServiceProvider services) : ICliCommand
{
    public Command Build()
    {
        var month = new Option<string>("--month") { Description = "The Beijing month to rebuild, yyyy-MM.", Required = true };
        var source = new Option<string?>("--source") { Description = "Walk only this source id (default: every pollable source)." };
        var command = new Command("backfill",
            "Walk each source's list pages back (next-page link or page template in the rules), politely, until their dates are older than " +
            "the month; enqueue that month's links (and undated ones) as a poll does. Then `healthit process` and `healthit publish --month` " +
            $"rebuild the month. Progress on stderr; per source on stdout: requests made, pages, links found, links in the month, enqueued. Needs Storage__ConnectionString. {CliApplication.ExitCodesHelp}")
        {
            month, source,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!BulletinMonth.TryParse(result.GetValue(month), out var target))
            {
                Console.Error.WriteLine($"error: --month '{result.GetValue(month)}' is not yyyy-MM (e.g. 2026-11).");
                return CliOutput.UsageError;
            }

            return await CliErrors.GuardAsync(async () =>
            {
                var catalog = services.GetRequiredService<ISourceCatalog>();
                await catalog.RefreshAsync(cancellationToken);
                var only = result.GetValue(source);
                var sources = catalog.Current.Sources.Where(s => only is null ? s.IsPollable : s.Id == only).ToList();
                if (sources.Count == 0 || sources.Any(s => !s.IsPollable))
                {
                    return CliOutput.Fail(only is null
                        ? "the catalog has no pollable source."
                        : $"no pollable source '{only}' in the catalog; `healthit sources status` lists them (a disabled source must be enabled first).");
                }

                var backfiller = services.GetRequiredService<ListBackfiller>();
                int requests = 0, links = 0, enqueued = 0;
                foreach (var each in sources)
                {
                    var done = await backfiller.BackfillAsync(each, target, CliOutput.Progress, cancellationToken);
                    Console.WriteLine($"{done.SourceId}: {done.Requests} requests, {done.Pages} pages, {done.LinksFound} links found, {done.LinksInMonth} in {target}, {done.Enqueued} enqueued; stopped: {string.Join("; ", done.Stops)}");
                    (requests, links, enqueued) = (requests + done.Requests, links + done.LinksFound, enqueued + done.Enqueued);
                }

                Console.WriteLine($"backfill {target}: {sources.Count} sources, {requests} requests, {links} links found, {enqueued} enqueued");
                CliOutput.Progress($"next: `healthit process` fetches the enqueued articles, then `healthit publish --month {target}`");
                return CliOutput.Ok;
            });
        });
        return command;
    }
}
