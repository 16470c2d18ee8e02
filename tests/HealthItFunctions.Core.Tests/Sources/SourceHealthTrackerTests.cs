using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Sources;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Tests.Sources;

public sealed class SourceHealthTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2021, 8, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SourceHealthTracker _tracker = new(Options.Create(new SourceHealthOptions { FailureThreshold = 5, SilentDays = 7 }));

    [Fact]
    public void Apply_FiveFailuresThenMore_RaisesOneFailingIncident()
    {
        var (_, events) = Run(Enumerable.Repeat(Failed(), 8));

        var incident = Assert.Single(events);
        Assert.Equal((IncidentKinds.Failing, false), (incident.Kind, incident.Recovered));
        Assert.Contains("HTTP 500", incident.Detail);
    }

    [Fact]
    public void Apply_FourFailures_RaisesNothing()
    {
        var (state, events) = Run(Enumerable.Repeat(Failed(), 4));

        Assert.Empty(events);
        Assert.Equal(4, state.ConsecutiveFailures);
    }

    [Fact]
    public void Apply_SuccessAfterFailingIncident_RaisesOneRecoveryAndResetsCounter()
    {
        var (state, events) = Run(Enumerable.Repeat(Failed(), 5).Append(Ok(links: 10, fresh: 1)).Append(Ok(links: 10, fresh: 0)));

        Assert.Equal([(IncidentKinds.Failing, false), (IncidentKinds.Failing, true)], events.Select(e => (e.Kind, e.Recovered)));
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Empty(state.Incidents);
    }

    [Fact]
    public void Apply_NotModifiedAfterFailures_CountsAsLoaded()
    {
        var (state, events) = Run(Enumerable.Repeat(Failed(), 5).Append(Poll(new PagePoll("http://a/", FetchOutcome.NotModified, null, null, true))));

        Assert.Equal(2, events.Count);
        Assert.Equal(0, state.ConsecutiveFailures);
    }

    [Fact]
    public void Apply_RuleMatchesNothingOnEveryPoll_RaisesRuleBrokenOnce()
    {
        var (state, events) = Run(Enumerable.Repeat(Ok(links: 0, fresh: 0), 3));

        var incident = Assert.Single(events);
        Assert.Equal(IncidentKinds.RuleBroken, incident.Kind);
        Assert.Equal(IncidentKinds.RuleBroken, Assert.Single(state.Incidents).Kind);
    }

    [Fact]
    public void Apply_EmptyFeed_IsNotRuleBroken()
    {
        var (_, events) = Run([Poll(new PagePoll("http://a/feed", FetchOutcome.Ok, null, 0, RuleApplies: false))]);

        Assert.Empty(events);
    }

    [Fact]
    public void Apply_RuleFindsLinksAgain_RecoversRuleBroken()
    {
        var (_, events) = Run([Ok(links: 0, fresh: 0), Ok(links: 5, fresh: 0)]);

        Assert.Equal([(IncidentKinds.RuleBroken, false), (IncidentKinds.RuleBroken, true)], events.Select(e => (e.Kind, e.Recovered)));
    }

    [Fact]
    public void Apply_NoNewLinkForSilentDays_RaisesSilentOnceAndRecoversOnNewLink()
    {
        var polls = Enumerable.Range(0, 10).Select(day => Ok(links: 20, fresh: day == 0 ? 20 : 0) with { At = T0.AddDays(day) })
            .Append(Ok(links: 20, fresh: 2) with { At = T0.AddDays(10) });

        var (_, events) = Run(polls);

        Assert.Equal([(IncidentKinds.Silent, false), (IncidentKinds.Silent, true)], events.Select(e => (e.Kind, e.Recovered)));
        Assert.Equal(T0.AddDays(7), events[0].At);
    }

    [Fact]
    public void Apply_DeadSiteForTwoWeeks_IsFailingNotSilent()
    {
        var polls = Enumerable.Range(1, 14).Select(day => Failed() with { At = T0.AddDays(day) }).Prepend(Ok(links: 3, fresh: 3));

        var (_, events) = Run(polls);

        Assert.Equal(IncidentKinds.Failing, Assert.Single(events).Kind);
    }

    [Fact]
    public void Apply_Success_RecordsHealthFields()
    {
        var (state, _) = Run([Failed(), Ok(links: 12, fresh: 4) with { At = T0.AddHours(1) }]);

        Assert.Equal(T0.AddHours(1), state.LastSuccessAt);
        Assert.Equal(T0.AddHours(1), state.LastNewLinkAt);
        Assert.Equal(12, state.LinksLastPoll);
        Assert.Equal(4, state.NewLinksLastPoll);
        Assert.Contains("HTTP 500", state.LastError);
        Assert.Equal(T0, state.FirstPolledAt);
    }

    private (SourceState State, List<SourceIncident> Events) Run(IEnumerable<PollObservation> polls)
    {
        var state = SourceState.New("s");
        var events = new List<SourceIncident>();
        foreach (var poll in polls)
        {
            var (next, raised) = _tracker.Apply(state, poll);
            state = next;
            events.AddRange(raised);
        }

        return (state, events);
    }

    private static PollObservation Poll(params PagePoll[] pages) => new(T0, pages, 0, []);

    private static PollObservation Failed() => Poll(new PagePoll("http://a/", FetchOutcome.Failed, "HTTP 500 Internal Server Error at http://a/", null, true));

    private static PollObservation Ok(int links, int fresh) => new(T0, [new PagePoll("http://a/", FetchOutcome.Ok, null, links, true)], fresh, []);
}
