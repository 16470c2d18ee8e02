using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthItFunctions.Infrastructure.Storage;
using HealthItFunctions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Tests.Storage;

public sealed class InfrastructureRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddInfrastructure_ConnectionString_ResolvesClientsThatReachTheAccount()
    {
        using var host = BuildHost(("Storage:ConnectionString", azurite.ConnectionString));
        var name = azurite.UniqueName("registration");

        var tables = host.Services.GetRequiredService<TableServiceClient>();
        var blobs = host.Services.GetRequiredService<BlobServiceClient>();
        var queues = host.Services.GetRequiredService<QueueServiceClient>();

        await tables.CreateTableIfNotExistsAsync(name, TestContext.Current.CancellationToken);
        var container = await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var queue = await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([name], tables.Query(filter: $"TableName eq '{name}'", cancellationToken: TestContext.Current.CancellationToken).Select(table => table.Name));
        Assert.Equal(201, container.GetRawResponse().Status);
        Assert.Equal(201, queue.Status);
    }

    [Fact]
    public void AddInfrastructure_NoStorageConfigured_FailsValidationWithTheSettingNames()
    {
        using var host = BuildHost();

        var error = Assert.Throws<OptionsValidationException>(
            () => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage__ConnectionString", error.Message);
        Assert.Contains("Storage__AccountName", error.Message);
    }

    [Fact]
    public void AddInfrastructure_BothConnectionStringAndAccount_FailsValidation()
    {
        using var host = BuildHost(
            ("Storage:ConnectionString", "UseDevelopmentStorage=true"),
            ("Storage:AccountName", "healthit"));

        Assert.Throws<OptionsValidationException>(
            () => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    [Fact]
    public void AddInfrastructure_AccountName_BuildsPublicCloudEndpoints()
    {
        using var host = BuildHost(("Storage:AccountName", "healthit"));

        var tables = host.Services.GetRequiredService<TableServiceClient>();
        var blobs = host.Services.GetRequiredService<BlobServiceClient>();

        Assert.Equal("healthit", tables.AccountName);
        Assert.Equal(new Uri("https://healthit.blob.core.windows.net/"), blobs.Uri);
    }

    private static IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddInfrastructure();
        return builder.Build();
    }
}
