using Azure.Core;
using Azure.Data.Tables;
using HealthItFunctions.Cli.Tests.Processing;
using HealthItFunctions.Infrastructure.Storage;
using HealthItFunctions.Testing;
using HealthItFunctions.Testing.Faults;
using Microsoft.Extensions.Azure;

namespace HealthItFunctions.Cli.Tests.Crash;

/// <summary>The ingest harness with a <see cref="FaultSlot"/> in every storage client, and direct reads of what storage holds.</summary>
internal static class StorageFaults
{
    public static Task<IngestHarness> StartAsync(AzuriteFixture azurite, string[] hosts, FaultSlot slot) =>
        IngestHarness.StartAsync(azurite, hosts, configure: builder => builder.Services.AddAzureClients(clients =>
            clients.ConfigureDefaults(options => options.AddPolicy(slot, HttpPipelinePosition.PerRetry))));

    /// <summary>Every article row with this id, in whatever month partition: a scan, fine for a test.</summary>
    public static async Task<List<TableEntity>> RowsOfAsync(AzuriteFixture azurite, string articleId, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.ArticlesTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.RowKey == articleId, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<TableEntity?> IndexEntryAsync(AzuriteFixture azurite, string articleId, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.ArticleIndexTable);
        var entry = await table.GetEntityIfExistsAsync<TableEntity>(articleId, "", cancellationToken: cancellationToken);
        return entry.HasValue ? entry.Value : null;
    }

    /// <summary>0..<paramref name="cleanRunWrites"/>: a crash before each write of a clean run, and the clean run itself.</summary>
    public static TheoryData<int> CrashPoints(int cleanRunWrites) => new(Enumerable.Range(0, cleanRunWrites + 1));
}

/// <summary>Notes each write (method and path) before passing it to <paramref name="inner"/>: what a crash point falls between.</summary>
internal sealed class WriteLog(Azure.Core.Pipeline.HttpPipelinePolicy inner) : Azure.Core.Pipeline.HttpPipelinePolicy
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Writes { get; } = new();

    public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        Note(message);
        inner.Process(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        Note(message);
        return inner.ProcessAsync(message, pipeline);
    }

    private void Note(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head)
        {
            Writes.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}");
        }
    }
}
