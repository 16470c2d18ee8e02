using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Whether the storage endpoints accept a connection at all, answered within a bound. The SDK's own retries take
/// many seconds to give up on a refused port (and up to its network timeout on a silent one); a command-line user
/// should hear "storage is down" at once. A TCP connect needs no credential and costs no storage transaction.
/// </summary>
public static class StorageReachability
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(3);

    /// <returns>Null when every endpoint accepts a connection; else what cannot be reached, and the fix.</returns>
    public static async Task<string?> CheckAsync(IServiceProvider services, TimeSpan budget, CancellationToken cancellationToken)
    {
        Uri[] endpoints =
        [
            services.GetRequiredService<QueueServiceClient>().Uri,
            services.GetRequiredService<TableServiceClient>().Uri,
            services.GetRequiredService<BlobServiceClient>().Uri,
        ];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        foreach (var endpoint in endpoints.DistinctBy(e => (e.Host, e.Port)))
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var why = e is SocketException socket ? socket.Message : $"no answer within {budget.TotalSeconds:0.#} s";
                return $"storage at {endpoint.GetLeftPart(UriPartial.Authority)} cannot be reached ({why}). " +
                       "Start Azurite (`npx azurite --silent --skipApiVersionCheck --disableTelemetry --location .azurite`) or fix Storage__ConnectionString / Storage__AccountName.";
            }
        }

        return null;
    }
}
