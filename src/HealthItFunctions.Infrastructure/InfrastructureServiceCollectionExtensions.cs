using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthItFunctions.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Registers the storage clients once, for the Functions app and the CLI alike.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        builder.Services.AddSingleton<TokenCredential>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ManagedIdentityClientId,
            });
        });

        builder.Services.AddSingleton(sp => Create(sp,
            connectionString => new TableServiceClient(connectionString),
            (options, credential) => new TableServiceClient(options.ServiceUri("table"), credential)));
        builder.Services.AddSingleton(sp => Create(sp,
            connectionString => new BlobServiceClient(connectionString),
            (options, credential) => new BlobServiceClient(options.ServiceUri("blob"), credential)));
        builder.Services.AddSingleton(sp => Create(sp,
            connectionString => new QueueServiceClient(connectionString, QueueOptions),
            (options, credential) => new QueueServiceClient(options.ServiceUri("queue"), credential, QueueOptions)));
        builder.Services.AddPageFetching();

        return builder;
    }

    // The Functions queue trigger reads base64 message bodies; anything we enqueue must match.
    private static QueueClientOptions QueueOptions => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    private static TClient Create<TClient>(
        IServiceProvider services,
        Func<string, TClient> fromConnectionString,
        Func<StorageOptions, TokenCredential, TClient> fromIdentity)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? fromIdentity(options, services.GetRequiredService<TokenCredential>())
            : fromConnectionString(options.ConnectionString);
    }
}
