using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using HealthItFunctions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthItFunctions.Infrastructure.Tests.Storage;

/// <summary>
/// What the product relies on from storage, checked against Azurite through the clients AddInfrastructure registers:
/// not the SDK for its own sake, but each behaviour a store or a queue consumer of ours depends on.
/// </summary>
public sealed class StorageGuaranteesTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IHost _host = BuildHost(azurite.ConnectionString);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task UpdateEntity_StaleETag_Fails412()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = "v1" }, Ct);
        var read = await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Ct);
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Title"] = "v2" }, read.Value.ETag, TableUpdateMode.Merge, Ct);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpdateEntityAsync(new TableEntity("p", "r") { ["Title"] = "v3" }, read.Value.ETag, TableUpdateMode.Merge, Ct));

        Assert.Equal(412, stale.Status);
    }

    [Fact]
    public async Task AddEntity_AlreadyPresent_Fails409()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"), Ct);

        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r"), Ct));

        Assert.Equal(409, duplicate.Status);
    }

    [Fact]
    public async Task SubmitTransaction_OneActionFails_NothingIsWritten()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken"), Ct);

        await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "fresh")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "taken")),
        ], Ct));

        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "fresh", cancellationToken: Ct)).HasValue);
    }

    [Fact]
    public async Task Query_MoreThanOnePage_ContinuesPastOneThousand()
    {
        var table = await NewTableAsync();
        const int count = 1_050;
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("month", $"{i:D5}"))), Ct);
        }

        var pages = 0;
        var rows = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(e => e.PartitionKey == "month", select: ["RowKey"], cancellationToken: Ct).AsPages())
        {
            pages++;
            rows += page.Values.Count;
        }

        Assert.Equal(count, rows);
        Assert.True(pages >= 2, $"expected a continuation past 1,000 entities, got {pages} page(s)");
    }

    [Fact]
    public async Task AddEntity_ChineseAndEmoji_RoundTripExactly()
    {
        var table = await NewTableAsync();
        const string title = "北京协和医院上线互联网诊疗 🏥 第二十七期《月报》";
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = title }, Ct);

        var read = await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Ct);

        Assert.Equal(title, read.Value.GetString("Title"));
    }

    [Fact]
    public async Task AddEntity_PropertyOver64KiB_IsRefused()
    {
        var table = await NewTableAsync();
        var body = new string('医', 40_000); // 80,000 bytes in UTF-16, over the 64 KiB property limit

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.AddEntityAsync(new TableEntity("p", "r") { ["Body"] = body }, Ct));

        Assert.Equal(400, refused.Status);
    }

    [Fact]
    public async Task UploadBlob_WithMetadataAndContentType_ReadsBackBoth()
    {
        var container = _host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(azurite.UniqueName("bulletins"));
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        var blob = container.GetBlobClient("2021/08/bulletin-041-v1.md");

        await blob.UploadAsync(BinaryData.FromString("# 第四十一期"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" },
            Metadata = new Dictionary<string, string> { ["issue"] = "41", ["month"] = "2021-08" },
        }, Ct);
        var properties = await blob.GetPropertiesAsync(cancellationToken: Ct);

        Assert.Equal("text/markdown; charset=utf-8", properties.Value.ContentType);
        Assert.Equal("41", properties.Value.Metadata["issue"]);
        Assert.Equal("# 第四十一期", (await blob.DownloadContentAsync(Ct)).Value.Content.ToString());
    }

    [Fact]
    public async Task ReceiveMessage_WithinVisibilityTimeout_IsHiddenThenReturns()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("{\"v\":1}", Ct);

        var first = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Ct)).Value;
        var hidden = (await queue.ReceiveMessageAsync(cancellationToken: Ct)).Value;
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        var again = (await queue.ReceiveMessageAsync(cancellationToken: Ct)).Value;

        Assert.NotNull(first);
        Assert.Null(hidden);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task SendMessage_RegisteredClient_EncodesBodyAsBase64LikeTheFunctionsTrigger()
    {
        var queue = await NewQueueAsync();
        const string message = "{\"v\":1,\"sourceId\":\"wjw-beijing\",\"note\":\"北京\"}";
        await queue.SendMessageAsync(message, Ct);

        var raw = new QueueClient(azurite.ConnectionString, queue.Name); // no encoding: sees the wire format
        var peeked = (await raw.PeekMessageAsync(Ct)).Value;

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(message)), peeked.Body.ToString());
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = _host.Services.GetRequiredService<TableServiceClient>().GetTableClient(azurite.UniqueName("guarantees"));
        await table.CreateIfNotExistsAsync(Ct);
        return table;
    }

    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = _host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(azurite.UniqueName("guarantees"));
        await queue.CreateIfNotExistsAsync(cancellationToken: Ct);
        return queue;
    }

    private static IHost BuildHost(string connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Storage:ConnectionString"] = connectionString;
        builder.AddInfrastructure();
        return builder.Build();
    }
}
