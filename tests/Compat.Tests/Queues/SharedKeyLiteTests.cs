using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage;
using HealthItFunctions.Testing;

namespace Compat.Tests.Queues;

/// <summary>The Queue service also takes Shared Key Lite; the policy's signature for it must be accepted.</summary>
public sealed class SharedKeyLiteTests(AzuriteFixture azurite) : QueueTestBase(azurite)
{
    [Fact]
    public async Task Policy_SharedKeyLiteScheme_AzuriteAcceptsTheSignature()
    {
        var options = new HttpPipelineOptions(new TestClientOptions());
        options.PerRetryPolicies.Add(new StorageSharedKeyPipelinePolicy(
            new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey), SharedKeyScheme.SharedKeyLite));
        HttpPipeline pipeline = HttpPipelineBuilder.Build(options);
        using HttpMessage message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri($"{Azurite.QueueEndpoint}/{QueueName}?comp=metadata"));
        message.Request.Headers.SetValue("x-ms-version", "2025-11-05");

        await pipeline.SendAsync(message, Cancellation);

        Assert.Equal(200, message.Response.Status);
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.StartsWith($"SharedKeyLite {Azurite.AccountName}:", authorization, StringComparison.Ordinal);
    }

    private sealed class TestClientOptions : ClientOptions;
}
