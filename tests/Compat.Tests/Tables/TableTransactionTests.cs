using Azure;
using Azure.Data.Tables;
using HealthItFunctions.Testing;

namespace Compat.Tests.Tables;

public sealed class TableTransactionTests(AzuriteFixture azurite) : TableTestBase(azurite)
{
    [Fact]
    public async Task SubmitTransaction_HundredAdds_AllStoredWithOneResponseEach()
    {
        List<TableTransactionAction> actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new NoteEntity { PartitionKey = "batch", RowKey = $"{i:D3}", Version = i }))
            .ToList();

        Response<IReadOnlyList<Response>> result = await Table.SubmitTransactionAsync(actions, Cancellation);
        List<NoteEntity> stored = await Table.QueryAsync<NoteEntity>("PartitionKey eq 'batch'", cancellationToken: Cancellation).ToListAsync(Cancellation);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal(100, result.Value.Count);
        Assert.All(result.Value, response => Assert.Equal(204, response.Status));
        Assert.All(result.Value, response => Assert.NotNull(response.Headers.ETag));
        Assert.Equal(Enumerable.Range(0, 100), stored.Select(note => note.Version).Order());
    }

    [Fact]
    public async Task SubmitTransaction_OneAddConflicts_NothingStoredAndFailedIndexReported()
    {
        await Table.AddEntityAsync(new NoteEntity { PartitionKey = "batch", RowKey = "005", Text = "original" }, Cancellation);
        List<TableTransactionAction> actions = Enumerable.Range(0, 10)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new NoteEntity { PartitionKey = "batch", RowKey = $"{i:D3}", Text = "new" }))
            .ToList();

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(actions, Cancellation));
        List<NoteEntity> stored = await Table.QueryAsync<NoteEntity>(cancellationToken: Cancellation).ToListAsync(Cancellation);

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Contains("EntityAlreadyExists", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.FailedTransactionActionIndex);
        Assert.IsAssignableFrom<RequestFailedException>(error);
        NoteEntity only = Assert.Single(stored);
        Assert.Equal(("005", "original"), (only.RowKey, only.Text));
    }

    [Fact]
    public void SubmitTransaction_MixedActions_AppliedTogether()
    {
        Table.AddEntity(new TableEntity("batch", "update") { ["V"] = 1, ["Keep"] = "k" }, Cancellation);
        Table.AddEntity(new TableEntity("batch", "replace") { ["V"] = 1, ["Drop"] = "d" }, Cancellation);
        Table.AddEntity(new TableEntity("batch", "delete"), Cancellation);
        ETag updateETag = Table.GetEntity<TableEntity>("batch", "update", cancellationToken: Cancellation).Value.ETag;

        Table.SubmitTransaction(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("batch", "update") { ["V"] = 2 }, updateETag),
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("batch", "replace") { ["V"] = 2 }, ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("batch", "delete")),
                new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("batch", "upsert-merge") { ["V"] = 2 }),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("batch", "upsert-replace") { ["V"] = 2 }),
            ],
            Cancellation);
        Dictionary<string, TableEntity> stored = Table.Query<TableEntity>(cancellationToken: Cancellation).ToDictionary(entity => entity.RowKey);

        Assert.Equal(["replace", "update", "upsert-merge", "upsert-replace"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.All(stored.Values, entity => Assert.Equal(2, entity.GetInt32("V")));
        Assert.Equal("k", stored["update"].GetString("Keep"));
        Assert.False(stored["replace"].ContainsKey("Drop"));
    }

    [Fact]
    public async Task SubmitTransaction_StaleETag_Throws412AndChangesNothing()
    {
        await Table.AddEntityAsync(new NoteEntity { PartitionKey = "batch", RowKey = "a", Version = 1 }, Cancellation);
        ETag stale = (await Table.GetEntityAsync<NoteEntity>("batch", "a", cancellationToken: Cancellation)).Value.ETag;
        await Table.UpsertEntityAsync(new NoteEntity { PartitionKey = "batch", RowKey = "a", Version = 2 }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new NoteEntity { PartitionKey = "batch", RowKey = "b" }),
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, new NoteEntity { PartitionKey = "batch", RowKey = "a", Version = 3 }, stale),
            ],
            Cancellation));

        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.False((await Table.GetEntityIfExistsAsync<NoteEntity>("batch", "b", cancellationToken: Cancellation)).HasValue);
        Assert.Equal(2, (await Table.GetEntityAsync<NoteEntity>("batch", "a", cancellationToken: Cancellation)).Value.Version);
    }

    [Fact]
    public async Task SubmitTransaction_NoActions_ThrowsInvalidOperation()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Table.SubmitTransactionAsync([], Cancellation));
    }
}
