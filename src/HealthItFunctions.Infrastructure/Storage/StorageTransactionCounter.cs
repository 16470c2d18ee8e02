using Azure.Core;
using Azure.Core.Pipeline;
using HealthItFunctions.Core.Telemetry;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Counts every storage request, retries included, because each one is a billed transaction. Registered on all
/// three service clients; the demo and the benchmarks read it to report transactions per article.
/// </summary>
public sealed class StorageTransactionCounter : HttpPipelineSynchronousPolicy
{
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _total);
        HealthItTelemetry.StorageTransactions.Add(1);
    }
}
