using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HealthItFunctions.Core.Telemetry;

/// <summary>
/// What an operator watches, as OpenTelemetry-ready instruments (BCL <see cref="Meter"/> and <see cref="ActivitySource"/>,
/// no SDK in Core): a host subscribes to <see cref="Name"/> and exports. Recorded where the event is decided, once,
/// so both hosts count alike.
/// </summary>
public static class HealthItTelemetry
{
    public const string Name = "HealthItFunctions";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Links read off list pages and feeds, per source (tag source).</summary>
    public static readonly Counter<long> LinksFound = Meter.CreateCounter<long>("healthit.links.found", "{link}", "Links read off list pages and feeds");

    /// <summary>Links not seen before, enqueued for fetching.</summary>
    public static readonly Counter<long> LinksNew = Meter.CreateCounter<long>("healthit.links.new", "{link}", "New links enqueued for fetching");

    /// <summary>Articles stored for the first time (a redelivery does not count); tag reprint true/false.</summary>
    public static readonly Counter<long> ArticlesStored = Meter.CreateCounter<long>("healthit.articles.stored", "{article}", "Articles stored once, reprints included (tag reprint)");

    /// <summary>Storage requests (each one is a billed transaction), counted by the storage adapters' pipeline policy.</summary>
    public static readonly Counter<long> StorageTransactions = Meter.CreateCounter<long>("healthit.storage.transactions", "{transaction}", "Storage requests sent (billed transactions)");

    /// <summary>The current activity's W3C trace context ("00-trace-span-flags"), to carry in a queue message; null without one.</summary>
    public static string? CurrentTraceparent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts work that continues a trace carried in a message (its <paramref name="traceparent"/>), so one link's poll
    /// and ingest share a trace id; the host's own current activity (a function invocation) is kept as a link. Without
    /// a valid traceparent the activity is a child of the current one, as usual.
    /// </summary>
    public static Activity? StartContinued(string name, string? traceparent)
    {
        if (!ActivityContext.TryParse(traceparent, null, out var parent))
        {
            return Source.StartActivity(name, ActivityKind.Consumer);
        }

        var links = Activity.Current is { } current ? new[] { new ActivityLink(current.Context) } : null;
        return Source.StartActivity(name, ActivityKind.Consumer, parent, links: links);
    }

    /// <summary>Messages moved to a poison queue (tag queue message type, reason malformed or failed).</summary>
    public static readonly Counter<long> MessagesPoisoned = Meter.CreateCounter<long>("healthit.messages.poisoned", "{message}", "Messages moved to a poison queue");

    /// <summary>
    /// Source incidents open now (tag kind: failing, rule-broken, silent), from the health each poll saved
    /// (<see cref="OpenIncidents"/>): read from memory at each collection, never from storage.
    /// </summary>
    public static readonly ObservableGauge<int> IncidentsOpen = Meter.CreateObservableGauge("healthit.sources.incidents.open", OpenIncidents.Measure, "{incident}", "Source incidents open now (tag kind)");
}
