using System.Text.Json;
using Azure.Storage.Queues;
using HealthItFunctions.Local;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Serve;

/// <summary>`healthit poison list|replay` over both kinds of poison message, against Azurite.</summary>
public sealed class PoisonQueuesTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Raw = """{"v":1,"sourceId":"hit180","url":"https://www.hit180.com/1.html","canonicalUrl":"https://www.hit180.com/1.html","discoveredAt":"2021-08-02T00:00:00+00:00"}""";

    private readonly QueueServiceClient _queues = new(storage.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    [Fact]
    public async Task ListAsync_EnvelopeAndRawMessages_ShowOriginalTextWithReason()
    {
        var queue = storage.UniqueName("list");
        await PoisonAsync(queue, JsonSerializer.Serialize(new { reason = "unknown version 9 (expected 1)", message = "{\"v\":9}" }), Raw);

        var (messages, approximate) = await new PoisonQueues(_queues).ListAsync(queue, TestContext.Current.CancellationToken);

        Assert.Equal(2, approximate);
        Assert.Collection(messages.OrderBy(m => m.Reason.StartsWith("malformed", StringComparison.Ordinal) ? 0 : 1),
            malformed =>
            {
                Assert.Equal("{\"v\":9}", malformed.Message);
                Assert.Equal("malformed: unknown version 9 (expected 1)", malformed.Reason);
            },
            failed =>
            {
                Assert.Equal(Raw, failed.Message);
                Assert.Equal(PoisonQueues.ListenerReason, failed.Reason);
            });
    }

    [Fact]
    public async Task ReplayAsync_PoisonMessages_MovedBackAsOriginalTextAndPoisonEmptied()
    {
        var queue = storage.UniqueName("replay");
        await PoisonAsync(queue, JsonSerializer.Serialize(new { reason = "sourceId is missing", message = "{\"v\":1}" }), Raw);
        var ct = TestContext.Current.CancellationToken;

        var moved = await new PoisonQueues(_queues).ReplayAsync(queue, ct);

        Assert.Equal(2, moved);
        var back = (await _queues.GetQueueClient(queue).ReceiveMessagesAsync(32, cancellationToken: ct)).Value.Select(m => m.Body.ToString()).Order().ToList();
        Assert.Equal(new[] { Raw, "{\"v\":1}" }.Order().ToList(), back);
        var (left, count) = await new PoisonQueues(_queues).ListAsync(queue, ct);
        Assert.Empty(left);
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task ReplayAsync_NoPoisonQueue_MovesNothing()
    {
        var moved = await new PoisonQueues(_queues).ReplayAsync(storage.UniqueName("none"), TestContext.Current.CancellationToken);

        Assert.Equal(0, moved);
    }

    private async Task PoisonAsync(string queue, params string[] texts)
    {
        var poison = _queues.GetQueueClient(queue + "-poison");
        await poison.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var text in texts)
        {
            await poison.SendMessageAsync(text, TestContext.Current.CancellationToken);
        }
    }
}
