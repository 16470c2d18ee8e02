using System.Text;
using Azure.Core;
using Azure.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using HealthItFunctions.Testing;

namespace Compat.Tests.Queues;

public sealed class QueueServiceClientTests(AzuriteFixture azurite) : QueueTestBase(azurite)
{
    private const string SomeKey = "c29tZSBhY2NvdW50IGtleQ==";

    [Fact]
    public async Task GetQueueClient_ConnectionStringServiceClient_CreatesSendsAndReceives()
    {
        var service = new QueueServiceClient(Azurite.ConnectionString);
        string queueName = Azurite.UniqueName("viaservice");
        QueueClient queue = service.GetQueueClient(queueName);

        await queue.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        await queue.SendMessageAsync("via service", Cancellation);
        QueueMessage received = (await queue.ReceiveMessageAsync(cancellationToken: Cancellation)).Value;

        Assert.Equal(Azurite.QueueEndpoint, service.Uri);
        Assert.Equal(Azurite.AccountName, service.AccountName);
        Assert.Equal(new Uri($"{Azurite.QueueEndpoint}/{queueName}"), queue.Uri);
        Assert.Equal(queueName, queue.Name);
        Assert.Equal(Azurite.AccountName, queue.AccountName);
        Assert.Equal("via service", received.MessageText);
    }

    [Fact]
    public async Task GetQueueClient_Base64OnServiceOptions_QueueClientSendsAndReceivesBase64()
    {
        const string text = "Grüße — <job> & ✓";
        var service = new QueueServiceClient(Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        QueueClient base64 = service.GetQueueClient(QueueName);

        await base64.SendMessageAsync(text, Cancellation);
        PeekedMessage raw = Assert.Single((await Queue.PeekMessagesAsync(cancellationToken: Cancellation)).Value);
        QueueMessage decoded = Assert.Single((await base64.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value);

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), raw.MessageText);
        Assert.Equal(text, decoded.MessageText);
    }

    [Fact]
    public async Task GetQueueClient_OptionsChangedAfterConstruction_KeepsTheEncodingTheServiceClientWasBuiltWith()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var service = new QueueServiceClient(Azurite.ConnectionString, options);
        options.MessageEncoding = QueueMessageEncoding.None;

        await service.GetQueueClient(QueueName).SendMessageAsync("snapshot", Cancellation);

        Assert.Equal("snapshot"u8.ToArray(), Convert.FromBase64String(Assert.Single((await Queue.PeekMessagesAsync(cancellationToken: Cancellation)).Value).MessageText));
    }

    [Fact]
    public async Task Constructor_UriAndSharedKeyCredential_ReachesAzurite()
    {
        var service = new QueueServiceClient(Azurite.QueueEndpoint, new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));

        await service.GetQueueClient(QueueName).SendMessageAsync("keyed", Cancellation);

        Assert.Equal(Azurite.QueueEndpoint, service.Uri);
        Assert.Equal(Azurite.AccountName, service.AccountName);
        Assert.True(service.CanGenerateAccountSasUri);
        Assert.Equal("keyed", Assert.Single((await Queue.ReceiveMessagesAsync(cancellationToken: Cancellation)).Value).MessageText);
    }

    [Fact]
    public void Constructor_AccountNameProtocolAndSuffix_ParsesTheAccountNameAndEndpoint()
    {
        var service = new QueueServiceClient($"DefaultEndpointsProtocol=https;AccountName=healthit;AccountKey={SomeKey};EndpointSuffix=core.windows.net");

        QueueClient queue = service.GetQueueClient("jobs");

        Assert.Equal("healthit", service.AccountName);
        Assert.Equal(new Uri("https://healthit.queue.core.windows.net"), service.Uri);
        Assert.Equal(new Uri("https://healthit.queue.core.windows.net/jobs"), queue.Uri);
        Assert.Equal(("healthit", "jobs"), (queue.AccountName, queue.Name));
        Assert.True(service.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Constructor_UseDevelopmentStorage_ParsesTheEmulatorsAccountName()
    {
        var service = new QueueServiceClient("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", service.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), service.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1/jobs"), service.GetQueueClient("jobs").Uri);
    }

    [Fact]
    public void Constructor_SharedAccessSignature_AccountNameFromTheHostAndCannotSign()
    {
        var service = new QueueServiceClient("QueueEndpoint=https://healthit.queue.core.windows.net/;SharedAccessSignature=sv=2025-11-05&sig=abc%3D");

        QueueClient queue = service.GetQueueClient("jobs");

        Assert.Equal("healthit", service.AccountName);
        Assert.False(service.CanGenerateAccountSasUri);
        Assert.Equal("https://healthit.queue.core.windows.net/jobs?sv=2025-11-05&sig=abc%3D", queue.Uri.AbsoluteUri);
    }

    [Fact]
    public void Constructor_TokenCredentialOverHttps_ParsesTheAccountNameFromTheHost()
    {
        var service = new QueueServiceClient(new Uri("https://healthit.queue.core.windows.net"), new FixedTokenCredential());

        Assert.Equal("healthit", service.AccountName);
        Assert.False(service.CanGenerateAccountSasUri);
        Assert.Equal("healthit", service.GetQueueClient("jobs").AccountName);
    }

    [Fact]
    public void Constructor_TokenCredentialOverHttp_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new QueueServiceClient(Azurite.QueueEndpoint, new FixedTokenCredential()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void GetQueueClient_NoName_Throws(string? queueName)
    {
        var service = new QueueServiceClient(Azurite.ConnectionString);

        Assert.ThrowsAny<ArgumentException>(() => service.GetQueueClient(queueName!));
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
