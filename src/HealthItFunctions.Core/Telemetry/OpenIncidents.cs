using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Sources;

namespace HealthItFunctions.Core.Telemetry;

/// <summary>
/// What <see cref="HealthItTelemetry.IncidentsOpen"/> reports: each source's open incidents as this process last saved
/// its health, kept in memory so a metrics collection reads no storage. A process knows the sources it polled; where
/// several instances poll, each reports its own view, so dashboards and alerts take the maximum across instances.
/// </summary>
public static class OpenIncidents
{
    private static readonly string[] Kinds = [IncidentKinds.Failing, IncidentKinds.RuleBroken, IncidentKinds.Silent];

    private static readonly ConcurrentDictionary<string, Evaluation> BySource = new(StringComparer.Ordinal);

    /// <summary>A source's health as saved by a poll at <paramref name="evaluatedAt"/>; an older evaluation never replaces a newer one.</summary>
    public static void Record(SourceState saved, DateTimeOffset evaluatedAt)
    {
        var evaluation = new Evaluation(evaluatedAt, saved.Incidents.Select(i => i.Kind).ToArray());
        BySource.AddOrUpdate(saved.SourceId, evaluation, (_, known) => known.At > evaluatedAt ? known : evaluation);
    }

    /// <summary>One measurement per kind, zeros included, so "nothing open" is a value and not a gap.</summary>
    internal static IEnumerable<Measurement<int>> Measure()
    {
        var open = BySource.Values.SelectMany(e => e.Kinds).CountBy(kind => kind).ToDictionary();
        return Kinds.Union(open.Keys).Select(kind => new Measurement<int>(open.GetValueOrDefault(kind), new KeyValuePair<string, object?>("kind", kind)));
    }

    private sealed record Evaluation(DateTimeOffset At, string[] Kinds);
}
