using System.CommandLine;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary><c>healthit sources status</c>: the health records and open incidents from the sourcestate table.</summary>
internal sealed class SourcesStatusCommand(IServiceProvider services) : ICliCommand
{
    public string Group => "sources";

    public Command Build()
    {
        var command = new Command("status", $"Print each source's health (last success, failures in a row, last error, links, last new link) and open incidents. Needs Storage__ConnectionString. {CliApplication.ExitCodesHelp}");
        command.SetAction(async (_, cancellationToken) => await CliErrors.GuardStorageAsync(services, async () =>
        {
            var catalog = services.GetRequiredService<ISourceCatalog>();
            await catalog.RefreshAsync(cancellationToken);
            var status = catalog.Status;
            Console.WriteLine($"catalog: {status.Origin} ({status.Sources} sources{(status.LoadedAt is { } loaded ? $", loaded {loaded:yyyy-MM-dd HH:mm:ss} UTC" : "")})");
            if (status.LastRefusal is { } refusal)
            {
                Console.WriteLine($"catalog edit REFUSED: {refusal}");
            }

            var states = (await services.GetRequiredService<ISourceStateStore>().ListAsync(cancellationToken)).ToDictionary(s => s.SourceId);
            var open = 0;
            foreach (var source in catalog.Current.Sources.Where(s => s.IsPollable || states.ContainsKey(s.Id)))
            {
                var state = states.GetValueOrDefault(source.Id);
                Write(source.Id, source.IsPollable, state);
                open += state?.Incidents.Count ?? 0;
            }

            foreach (var orphan in states.Values.Where(s => catalog.Find(s.SourceId) is null))
            {
                Write(orphan.SourceId, false, orphan);
            }

            Console.WriteLine($"{open} open incidents");
            return CliOutput.Ok;
        }, cancellationToken));
        return command;
    }

    private static void Write(string id, bool pollable, SourceState? state)
    {
        if (state is null)
        {
            Console.WriteLine($"{id}: never polled");
            return;
        }

        var flag = state.Incidents.Count > 0 ? "  INCIDENT" : "";
        Console.WriteLine($"{id}{(pollable ? "" : " (not in the catalog or disabled)")}{flag}");
        Console.WriteLine($"  last poll {Time(state.LastPolledAt)}, last success {Time(state.LastSuccessAt)}, {state.ConsecutiveFailures} failures in a row");
        Console.WriteLine($"  links last poll {state.LinksLastPoll?.ToString() ?? "-"}, new {state.NewLinksLastPoll}, last new link {Time(state.LastNewLinkAt)}");
        if (state.ConsecutiveFailures > 0 && state.LastError is { } error)
        {
            Console.WriteLine($"  last error: {error}");
        }

        foreach (var incident in state.Incidents)
        {
            Console.WriteLine($"  open incident {incident.Kind} since {Time(incident.Since)}: {incident.Detail}");
        }

        foreach (var note in state.Notes)
        {
            Console.WriteLine($"  note: {note}");
        }

        foreach (var (url, page) in state.Pages)
        {
            Console.WriteLine($"  page {url}: HTTP {page.Status} at {Time(page.FetchedAt)}, ETag {page.ETag ?? "-"}, encoding {page.Encoding ?? "-"} ({page.EncodingEvidence ?? "-"})");
        }

        if (state.EncodingContradiction is { } contradiction)
        {
            Console.WriteLine($"  encoding contradiction: {contradiction}");
        }
    }

    private static string Time(DateTimeOffset? value) => value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm") + "Z" : "never";
}
