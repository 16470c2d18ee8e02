using System.Diagnostics.Metrics;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Core.Telemetry;

namespace HealthItFunctions.Core.Tests.Telemetry;

public sealed class OpenIncidentsTests
{
    private static readonly DateTimeOffset Polled = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_SavedHealthWithAnOpenIncident_GaugeCountsItUntilANewerPollClosesIt()
    {
        // The registry is process-wide and other tests poll too: this test's incidents are of a kind of their own.
        var kind = "probe-" + Guid.NewGuid().ToString("N");
        var source = "probe-source-" + Guid.NewGuid().ToString("N");

        OpenIncidents.Record(Health(source, kind), Polled);
        OpenIncidents.Record(Health("other-" + source, kind), Polled);
        var whileOpen = Observe(kind);
        OpenIncidents.Record(Health(source), Polled.AddMinutes(10));
        var afterRecovery = Observe(kind);
        OpenIncidents.Record(Health(source, kind), Polled.AddMinutes(5));
        var afterAnOlderSave = Observe(kind);

        Assert.Equal(2, whileOpen);
        Assert.Equal(1, afterRecovery);
        Assert.Equal(1, afterAnOlderSave);
    }

    [Fact]
    public void IncidentsOpen_OneCollection_ReportsEveryKnownKindZerosIncluded()
    {
        Assert.All(["failing", "rule-broken", "silent"], kind => Assert.NotNull(Observe(kind)));
    }

    private static SourceState Health(string source, params string[] kinds) =>
        SourceState.New(source) with { Incidents = kinds.Select(k => new OpenIncident(k, Polled, "probe")).ToList() };

    /// <summary>One collection of the gauge, as an exporter's scrape makes it: the value reported for <paramref name="kind"/>.</summary>
    private static int? Observe(string kind)
    {
        int? value = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument, HealthItTelemetry.IncidentsOpen))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, measured, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "kind", Value: string k } && k == kind)
                {
                    value = measured;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }
}
