using Azure.Storage.Queues;
using HealthItFunctions.Testing;

namespace Compat.Tests.Queues;

/// <summary>Gives each test a queue of its own in the shared, in-memory Azurite.</summary>
public abstract class QueueTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected string QueueName { get; } = azurite.UniqueName("queue");

    protected QueueClient Queue => CreateClient(QueueMessageEncoding.None);

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await Queue.CreateIfNotExistsAsync(cancellationToken: Cancellation);

    // Nothing to delete: Azurite keeps everything in memory and goes away with the test assembly.
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected QueueClient CreateClient(QueueMessageEncoding encoding) =>
        new(Azurite.ConnectionString, QueueName, new QueueClientOptions { MessageEncoding = encoding });
}
