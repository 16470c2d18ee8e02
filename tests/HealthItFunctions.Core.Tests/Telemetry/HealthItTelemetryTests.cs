using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthItFunctions.Core.Tests.Telemetry;

public sealed class HealthItTelemetryTests
{
    [Fact]
    public async Task AcceptAsync_MalformedMessage_PoisonsItAndCountsOnePoisonedMessageOfItsType()
    {
        var measured = new ConcurrentBag<(long Value, string? Reason)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HealthItTelemetry.Name && instrument.Name == "healthit.messages.poisoned")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        // Tests run in parallel and the meter is process-wide: keep only this test's own message type.
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (all.GetValueOrDefault("message") == nameof(ProbeMessage))
            {
                measured.Add((value, all.GetValueOrDefault("reason")));
            }
        });
        listener.Start();
        var queue = new PoisonRecorder();
        var intake = new MessageIntake(queue, NullLogger<MessageIntake>.Instance);

        var accepted = await intake.AcceptAsync<ProbeMessage>("""{"v":2}""", TestContext.Current.CancellationToken);

        Assert.Null(accepted);
        Assert.Equal(["""{"v":2}"""], queue.Poisoned);
        Assert.Equal([(1L, "malformed")], measured);
    }

    public sealed record ProbeMessage(int V) : IQueueMessage
    {
        public string? Problem() => V == 1 ? null : $"unknown version {V}";
    }

    /// <summary>Keeps what was moved to poison; nothing else is expected of the queue here.</summary>
    private sealed class PoisonRecorder : IWorkQueue
    {
        public ConcurrentQueue<string> Poisoned { get; } = new();

        public Task SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken) where TMessage : IQueueMessage =>
            throw new InvalidOperationException("nothing is sent onwards in this test");

        public Task SendToPoisonAsync<TMessage>(string rawMessage, string reason, CancellationToken cancellationToken) where TMessage : IQueueMessage
        {
            Poisoned.Enqueue(rawMessage);
            return Task.CompletedTask;
        }
    }
}
