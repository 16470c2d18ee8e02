using Azure.Data.Tables;
using HealthItFunctions.Testing;

namespace Compat.Tests.Tables;

/// <summary>Gives each test a table of its own in the shared Azurite, deleted afterwards.</summary>
public abstract class TableTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected TableClient Table { get; } = new(azurite.ConnectionString, azurite.UniqueName("tables"));

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await Table.CreateAsync(Cancellation);

    public virtual async ValueTask DisposeAsync() => await Table.DeleteAsync(CancellationToken.None);
}
