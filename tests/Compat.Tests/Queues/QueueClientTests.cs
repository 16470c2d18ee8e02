using System.Text;
using Azure;
using Azure.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using HealthItFunctions.Testing;

namespace Compat.Tests.Queues;

public sealed class QueueClientTests(AzuriteFixture azurite) : QueueTestBase(azurite)
{
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SendReceiveDelete_OneMessage_ReceivedOnceThenGone()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-5);

        SendReceipt sent = (await Queue.SendMessageAsync("crawl https://www.hhs.gov", Cancellation)).Value;
        QueueMessage received = Assert.Single((await Queue.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value);
        await Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, Cancellation);

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal("crawl https://www.hhs.gov", received.MessageText);
        Assert.Equal("crawl https://www.hhs.gov", received.Body.ToString());
        Assert.Equal(1, received.DequeueCount);
        Assert.InRange(received.InsertedOn!.Value, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.True(received.ExpiresOn > received.InsertedOn);
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.False(string.IsNullOrEmpty(received.PopReceipt));
        Assert.Empty((await Queue.PeekMessagesAsync(cancellationToken: Cancellation)).Value);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_ReceivedMessage_InvisibleUntilItsVisibilityTimeout()
    {
        await Queue.SendMessageAsync("job", Cancellation);

        QueueMessage first = Assert.Single((await Queue.ReceiveMessagesAsync(maxMessages: 1, VisibilityTimeout, Cancellation)).Value);
        QueueMessage[] whileInvisible = (await Queue.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value;
        QueueMessage again = await ReceiveOnceVisibleAsync(first.NextVisibleOn!.Value);

        Assert.Empty(whileInvisible);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task SendMessageAsync_WithVisibilityTimeout_NotReceivedBeforeIt()
    {
        SendReceipt sent = (await Queue.SendMessageAsync("later", VisibilityTimeout, timeToLive: null, Cancellation)).Value;

        QueueMessage[] early = (await Queue.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value;
        QueueMessage late = await ReceiveOnceVisibleAsync(sent.TimeNextVisible);

        Assert.Empty(early);
        Assert.Equal(sent.MessageId, late.MessageId);
        Assert.True(sent.TimeNextVisible >= sent.InsertionTime + VisibilityTimeout - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task UpdateMessageAsync_NewTextAndNoTimeout_VisibleAgainWithTheNewText()
    {
        await Queue.SendMessageAsync("attempt 1", Cancellation);
        QueueMessage received = (await Queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1), Cancellation)).Value;

        UpdateReceipt updated = (await Queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "attempt 2", TimeSpan.Zero, Cancellation)).Value;
        QueueMessage afterUpdate = (await Queue.ReceiveMessageAsync(cancellationToken: Cancellation)).Value;
        var stale = await Assert.ThrowsAsync<RequestFailedException>(
            () => Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, Cancellation));

        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        Assert.Equal(received.MessageId, afterUpdate.MessageId);
        Assert.Equal("attempt 2", afterUpdate.MessageText);
        Assert.Equal(2, afterUpdate.DequeueCount);
        Assert.Equal(received.Update(updated).PopReceipt, updated.PopReceipt);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
    }

    [Fact]
    public async Task SendMessageAsync_Base64Encoding_StoresTheOfficialBase64OfTheUtf8Text()
    {
        const string text = "Grüße aus 北京 — <notice> & \"quotes\" ✓";
        QueueClient base64 = CreateClient(QueueMessageEncoding.Base64);

        await base64.SendMessageAsync(text, Cancellation);
        PeekedMessage raw = Assert.Single((await Queue.PeekMessagesAsync(cancellationToken: Cancellation)).Value);
        QueueMessage decoded = Assert.Single((await base64.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value);

        Assert.Equal(Encoding.UTF8.GetBytes(text), Convert.FromBase64String(raw.MessageText));
        Assert.Equal(text, decoded.MessageText);
        Assert.Equal(Encoding.UTF8.GetBytes(text), decoded.Body.ToArray());
    }

    [Fact]
    public async Task SendMessageAsync_Base64EncodingOfBinaryBody_ReceivesTheSameBytes()
    {
        byte[] bytes = [0, 1, 2, 0xFE, 0xFF];
        QueueClient base64 = CreateClient(QueueMessageEncoding.Base64);

        await base64.SendMessageAsync(new BinaryData(bytes), cancellationToken: Cancellation);

        Assert.Equal(bytes, Assert.Single((await base64.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value).Body.ToArray());
    }

    [Fact]
    public async Task SendMessageAsync_XmlMarkupWithoutEncoding_RoundTripsVerbatim()
    {
        const string text = """<job url="https://x/?a=1&b=2">'quoted' &amp; ]]></job>""";

        await Queue.SendMessageAsync(text, Cancellation);

        Assert.Equal(text, Assert.Single((await Queue.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value).MessageText);
    }

    [Fact]
    public async Task PeekMessagesAsync_SeveralMessages_LeavesThemVisibleAndUncounted()
    {
        await Queue.SendMessageAsync("a", Cancellation);
        await Queue.SendMessageAsync("b", Cancellation);

        PeekedMessage[] peeked = (await Queue.PeekMessagesAsync(maxMessages: 10, Cancellation)).Value;
        QueueMessage[] received = (await Queue.ReceiveMessagesAsync(maxMessages: 10, cancellationToken: Cancellation)).Value;

        Assert.Equal(["a", "b"], peeked.Select(message => message.MessageText));
        Assert.All(peeked, message => Assert.Equal(0, message.DequeueCount));
        Assert.Equal(2, received.Length);
    }

    [Fact]
    public async Task ReceiveMessageAsync_EmptyQueue_ReturnsNoMessage()
    {
        Response<QueueMessage> response = await Queue.ReceiveMessageAsync(cancellationToken: Cancellation);

        Assert.Null(response.Value);
        Assert.Equal(200, response.GetRawResponse().Status);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_ExistingQueue_Succeeds()
    {
        Response again = await Queue.CreateIfNotExistsAsync(cancellationToken: Cancellation);

        Assert.Equal(204, again.Status);
    }

    [Fact]
    public async Task DeleteMessageAsync_UnknownMessage_Throws404()
    {
        await Queue.SendMessageAsync("x", Cancellation);
        QueueMessage received = (await Queue.ReceiveMessageAsync(cancellationToken: Cancellation)).Value;

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => Queue.DeleteMessageAsync(Guid.NewGuid().ToString(), received.PopReceipt, Cancellation));

        Assert.Equal(404, error.Status);
        Assert.Equal("MessageNotFound", error.ErrorCode);
    }

    // Also exercises the overloads without a CancellationToken, which product code may call.
#pragma warning disable xUnit1051
    [Fact]
    public void SynchronousMethods_SendReceiveUpdateDelete_BehaveLikeAsync()
    {
        Queue.SendMessage("sync");
        QueueMessage received = Assert.Single(Queue.ReceiveMessages().Value);
        UpdateReceipt updated = Queue.UpdateMessage(received.MessageId, received.PopReceipt, new BinaryData("sync 2"u8.ToArray()), TimeSpan.Zero, Cancellation).Value;
        QueueMessage afterUpdate = Queue.ReceiveMessage(cancellationToken: Cancellation).Value;
        Queue.DeleteMessage(afterUpdate.MessageId, afterUpdate.PopReceipt, Cancellation);

        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        Assert.Equal("sync 2", afterUpdate.MessageText);
        Assert.Empty(Queue.PeekMessages(cancellationToken: Cancellation).Value);
    }
#pragma warning restore xUnit1051

    [Fact]
    public async Task Constructor_UriAndSharedKeyCredential_ParsesTheNameAndReachesTheQueue()
    {
        var byUri = new QueueClient(
            new Uri($"{Azurite.QueueEndpoint}/{QueueName}"),
            new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));

        await byUri.SendMessageAsync("by uri", Cancellation);

        Assert.Equal(QueueName, byUri.Name);
        Assert.Equal(Azurite.AccountName, byUri.AccountName);
        Assert.Equal("by uri", Assert.Single((await Queue.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value).MessageText);
    }

    /// <summary>Waits until the server-given time has passed, then receives, allowing for Azurite's one-second granularity.</summary>
    private async Task<QueueMessage> ReceiveOnceVisibleAsync(DateTimeOffset visibleOn)
    {
        var deadline = visibleOn + TimeSpan.FromSeconds(10);
        var wait = visibleOn - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Cancellation);
        }

        while (true)
        {
            if ((await Queue.ReceiveMessageAsync(cancellationToken: Cancellation)).Value is { } message)
            {
                return message;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The message was still invisible 10 s after {visibleOn:O}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), Cancellation);
        }
    }
}
