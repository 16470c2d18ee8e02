using System.Diagnostics;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Telemetry;

namespace HealthItFunctions.Core.Tests.Telemetry;

public sealed class TracePerLinkTests
{
    private static readonly DateTimeOffset Found = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StartContinued_TraceparentFromThePollThroughTheQueueMessage_SharesThePollsTraceId()
    {
        using var listener = Listen();
        string raw;
        ActivityTraceId pollTrace;
        using (var poll = HealthItTelemetry.Source.StartActivity("poll source"))
        {
            Assert.NotNull(poll);
            pollTrace = poll.TraceId;
            raw = QueueMessageCodec.Encode(Message(HealthItTelemetry.CurrentTraceparent()));
        }

        // The ingest runs elsewhere, under the host's own invocation activity, in another trace.
        using var invocation = new Activity("queue trigger").SetIdFormat(ActivityIdFormat.W3C).Start();
        Assert.True(QueueMessageCodec.TryDecode<ArticleFetchMessage>(raw, out var message, out var problem), problem);
        using var ingest = HealthItTelemetry.StartContinued("ingest article", message.Traceparent);

        Assert.NotNull(ingest);
        Assert.Equal(pollTrace, ingest.TraceId);
        Assert.NotEqual(invocation.TraceId, ingest.TraceId);
        Assert.Contains(ingest.Links, link => link.Context.TraceId == invocation.TraceId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a traceparent")]
    public void StartContinued_NoValidTraceparent_IsAChildOfTheCurrentActivity(string? traceparent)
    {
        using var listener = Listen();
        using var invocation = new Activity("queue trigger").SetIdFormat(ActivityIdFormat.W3C).Start();

        using var ingest = HealthItTelemetry.StartContinued("ingest article", traceparent);

        Assert.NotNull(ingest);
        Assert.Equal(invocation.TraceId, ingest.TraceId);
        Assert.Equal(invocation.SpanId, ingest.ParentSpanId);
    }

    [Fact]
    public void TryDecode_MessageWithoutTraceparent_StaysValid()
    {
        var old = """{"v":1,"sourceId":"wjw-beijing","url":"https://wjw.beijing.gov.cn/a.html","canonicalUrl":"https://wjw.beijing.gov.cn/a.html","discoveredAt":"2026-12-01T08:00:00+00:00"}""";

        Assert.True(QueueMessageCodec.TryDecode<ArticleFetchMessage>(old, out var message, out var problem), problem);
        Assert.Null(message.Traceparent);
        Assert.DoesNotContain("traceparent", QueueMessageCodec.Encode(message));
    }

    private static ArticleFetchMessage Message(string? traceparent) =>
        new(ArticleFetchMessage.CurrentVersion, "wjw-beijing", "https://wjw.beijing.gov.cn/a.html", "https://wjw.beijing.gov.cn/a.html", null, null, Found, traceparent);

    /// <summary>Without a listener the source starts nothing; this one samples the app's source only.</summary>
    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HealthItTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
