using Azure.Storage.Blobs;
using HealthItFunctions.Testing;

namespace Compat.Tests.Blobs;

/// <summary>Gives each test a container of its own in the shared, in-memory Azurite.</summary>
public abstract class BlobTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected BlobContainerClient Container { get; } = new(azurite.ConnectionString, azurite.UniqueName("blobs"));

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await Container.CreateIfNotExistsAsync(cancellationToken: Cancellation);

    // Nothing to delete: Azurite keeps everything in memory and goes away with the test assembly.
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
