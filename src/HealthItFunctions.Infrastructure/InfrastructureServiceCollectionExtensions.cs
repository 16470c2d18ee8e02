using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthItFunctions.Infrastructure.Http;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Core.Review;
using HealthItFunctions.Infrastructure.Mail;
using HealthItFunctions.Infrastructure.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Registers the adapters once, for the Functions app and the CLI alike.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.Services.AddStorageClients();
        builder.Services.AddPageFetching();
        builder.Services.AddSingleton<IArticleStore, TableArticleStore>();
        builder.Services.AddSingleton<IArticleIndex>(sp => sp.GetRequiredService<IArticleStore>());
        builder.Services.AddSingleton<IFetchFailureLog, TableFetchFailureLog>();
        // host.json ships beside the binaries; ProcessArticle needs its maxDequeueCount to know the last delivery.
        builder.Services.TryAddSingleton(_ => Path.Combine(AppContext.BaseDirectory, "host.json") is var path && File.Exists(path)
            ? Local.QueueHostSettings.Load(path)
            : new Local.QueueHostSettings());
        builder.Services.AddSingleton<IBulletinStore, TableBulletinStore>();
        builder.Services.AddSingleton<IBulletinArchive, BlobBulletinArchive>();
        builder.Services.AddSingleton<Core.Images.IArticleImageStore, Images.BlobArticleImageStore>();
        builder.Services.AddSingleton<Core.Images.IImageTranscoder, Images.SkiaImageTranscoder>();
        builder.Services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        builder.Services.AddSingleton<IReviewHistory, TableReviewHistory>();
        builder.Services.AddMailAdapters();
        builder.Services.AddSourceAdapters();
        // Keep last: the mail alert sink, wherever it is registered above, wins over the logging fallback.
        builder.Services.AddFallbackAlertSink();
        return builder;
    }

    /// <summary>
    /// The Table, Blob and Queue service clients, through Microsoft.Extensions.Azure: a connection string locally
    /// (Azurite), or the account name and a managed identity in Azure, where shared keys are disabled.
    /// Every request passes the <see cref="StorageTransactionCounter"/>, because transactions are this app's cost.
    /// </summary>
    internal static IServiceCollection AddStorageClients(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<StorageTransactionCounter>();

        services.AddAzureClients(clients =>
        {
            clients.UseCredential(sp => new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = Storage(sp).ManagedIdentityClientId,
            }));
            clients.ConfigureDefaults((options, sp) =>
                options.AddPolicy(sp.GetRequiredService<StorageTransactionCounter>(), HttpPipelinePosition.PerRetry));

            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) => Storage(sp) is { HasConnectionString: true } storage
                ? new TableServiceClient(storage.ConnectionString, options)
                : new TableServiceClient(Storage(sp).ServiceUri("table"), credential, options));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, sp) => Storage(sp) is { HasConnectionString: true } storage
                ? new BlobServiceClient(storage.ConnectionString, options)
                : new BlobServiceClient(Storage(sp).ServiceUri("blob"), credential, options));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, sp) =>
            {
                // The Functions queue trigger reads base64 message bodies; anything we enqueue must match.
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return Storage(sp) is { HasConnectionString: true } storage
                    ? new QueueServiceClient(storage.ConnectionString, options)
                    : new QueueServiceClient(Storage(sp).ServiceUri("queue"), credential, options);
            });
        });

        return services;
    }

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
