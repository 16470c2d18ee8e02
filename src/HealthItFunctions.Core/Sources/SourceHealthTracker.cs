using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Fetching;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Sources;

/// <summary>How one list page of one poll went. <paramref name="Links"/> is null when nothing was parsed (304, failure).</summary>
/// <param name="RuleApplies">True for HTML lists, whose link rule can break; a feed has no rule to break.</param>
/// <param name="FellBack">The rule found nothing and the links came from anchors matching urlPattern: the rule is broken all the same.</param>
public sealed record PagePoll(string Url, FetchOutcome Outcome, string? Reason, int? Links, bool RuleApplies, bool FellBack = false);

/// <summary>Everything one poll of one source observed, for <see cref="SourceHealthTracker"/>.</summary>
public sealed record PollObservation(DateTimeOffset At, IReadOnlyList<PagePoll> Pages, int NewLinks, IReadOnlyList<string> Notes);

/// <summary>
/// Turns polls into health: counters, and incidents that open once and close once. Pure: the poller saves the state
/// it returns and raises its events only when that save wins, so two racing polls cannot both alert.
/// </summary>
public sealed class SourceHealthTracker(IOptions<SourceHealthOptions> options)
{
    public (SourceState State, IReadOnlyList<SourceIncident> Events) Apply(SourceState previous, PollObservation poll)
    {
        var settings = options.Value;
        var loaded = poll.Pages.Any(p => p.Outcome is FetchOutcome.Ok or FetchOutcome.NotModified);
        var parsed = poll.Pages.Where(p => p.Links is not null).ToList();
        var failures = loaded ? 0 : previous.ConsecutiveFailures + 1;
        var state = previous with
        {
            FirstPolledAt = previous.FirstPolledAt ?? poll.At,
            LastPolledAt = poll.At,
            LastSuccessAt = loaded ? poll.At : previous.LastSuccessAt,
            ConsecutiveFailures = failures,
            LastError = loaded ? previous.LastError : string.Join("; ", poll.Pages.Select(p => p.Reason ?? p.Outcome.ToString())),
            LinksLastPoll = parsed.Count > 0 ? parsed.Sum(p => p.Links!.Value) : previous.LinksLastPoll,
            NewLinksLastPoll = poll.NewLinks,
            LastNewLinkAt = poll.NewLinks > 0 ? poll.At : previous.LastNewLinkAt,
            Notes = poll.Notes,
        };

        var incidents = previous.Incidents.ToDictionary(i => i.Kind);
        var events = new List<SourceIncident>();

        // failing: only a poll that loaded nothing counts; any page that loads (a 304 too) is a recovery.
        Decide(IncidentKinds.Failing,
            opens: failures >= settings.FailureThreshold,
            closes: loaded,
            detail: $"{failures} polls in a row loaded no list page; last error: {state.LastError}",
            recovery: "a list page loads again");

        // rule-broken: a page that loaded and parsed, but the link rule found nothing on it (even if the urlPattern
        // fallback kept links coming). 304s say nothing either way.
        var broken = parsed.Where(p => p.RuleApplies && (p.Links == 0 || p.FellBack) && p.Outcome == FetchOutcome.Ok).ToList();
        var fallback = broken.Where(p => p.FellBack).Sum(p => p.Links ?? 0);
        Decide(IncidentKinds.RuleBroken,
            opens: broken.Count > 0,
            closes: broken.Count == 0 && parsed.Any(p => p.RuleApplies && p.Links > 0),
            detail: $"the list loads but its link rule matches nothing on {string.Join(", ", broken.Select(p => p.Url))}"
                    + (fallback > 0 ? $"; meanwhile {fallback} links are taken from anchors matching urlPattern (no list dates)" : "")
                    + " (site redesigned? fix list.rows/link/urlPattern in config/sources.json)",
            recovery: "the link rule finds links again");

        // silent: judged only on polls that load, so a dead site is "failing", not also "silent".
        var quietSince = state.LastNewLinkAt ?? state.FirstPolledAt!.Value;
        Decide(IncidentKinds.Silent,
            opens: loaded && poll.At - quietSince >= TimeSpan.FromDays(settings.SilentDays),
            closes: poll.NewLinks > 0,
            detail: $"no new link since {quietSince:yyyy-MM-dd HH:mm} UTC ({settings.SilentDays:0.#} days or more); the lists still load",
            recovery: $"{poll.NewLinks} new links");

        return (state with { Incidents = incidents.Values.OrderBy(i => i.Since).ToList() }, events);

        void Decide(string kind, bool opens, bool closes, string detail, string recovery)
        {
            var open = incidents.ContainsKey(kind);
            if (!open && opens)
            {
                incidents[kind] = new OpenIncident(kind, poll.At, detail);
                events.Add(new SourceIncident(previous.SourceId, kind, Recovered: false, detail, poll.At));
            }
            else if (open && closes)
            {
                incidents.Remove(kind);
                events.Add(new SourceIncident(previous.SourceId, kind, Recovered: true, recovery, poll.At));
            }
        }
    }
}
