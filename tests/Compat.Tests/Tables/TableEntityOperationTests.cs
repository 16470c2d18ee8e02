using Azure;
using Azure.Data.Tables;
using HealthItFunctions.Testing;

namespace Compat.Tests.Tables;

public sealed class TableEntityOperationTests(AzuriteFixture azurite) : TableTestBase(azurite)
{
    [Fact]
    public async Task EntityLifecycle_AddGetUpdateDelete_EachStepVisible()
    {
        var note = new NoteEntity { PartitionKey = "p", RowKey = "r", Text = "draft", Version = 1 };

        Response added = await Table.AddEntityAsync(note, Cancellation);
        NoteEntity stored = (await Table.GetEntityAsync<NoteEntity>("p", "r", cancellationToken: Cancellation)).Value;
        (string? storedText, int storedVersion) = (stored.Text, stored.Version);
        stored.Text = "final";
        stored.Version = 2;
        Response updated = await Table.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace, Cancellation);
        NoteEntity afterUpdate = (await Table.GetEntityAsync<NoteEntity>("p", "r", cancellationToken: Cancellation)).Value;
        Response deleted = await Table.DeleteEntityAsync("p", "r", afterUpdate.ETag, Cancellation);
        NullableResponse<NoteEntity> afterDelete = await Table.GetEntityIfExistsAsync<NoteEntity>("p", "r", cancellationToken: Cancellation);

        Assert.Equal(204, added.Status);
        Assert.NotNull(added.Headers.ETag);
        Assert.Equal(("draft", 1), (storedText, storedVersion));
        Assert.NotNull(stored.Timestamp);
        Assert.Equal(added.Headers.ETag, stored.ETag);
        Assert.Equal(204, updated.Status);
        Assert.Equal(("final", 2), (afterUpdate.Text, afterUpdate.Version));
        Assert.NotEqual(stored.ETag, afterUpdate.ETag);
        Assert.Equal(204, deleted.Status);
        Assert.False(afterDelete.HasValue);
        Assert.Equal(404, afterDelete.GetRawResponse().Status);
    }

    [Fact]
    public void EntityLifecycle_SynchronousMethods_BehaveLikeAsync()
    {
        Table.AddEntity(new TableEntity("p", "r") { ["Text"] = "sync" }, Cancellation);
        Table.UpsertEntity(new TableEntity("p", "r") { ["Extra"] = 5 }, TableUpdateMode.Merge, Cancellation);
        TableEntity merged = Table.GetEntity<TableEntity>("p", "r", cancellationToken: Cancellation).Value;
        Table.UpdateEntity(new TableEntity("p", "r") { ["Text"] = "replaced" }, ETag.All, TableUpdateMode.Replace, Cancellation);
        TableEntity replaced = Table.GetEntityIfExists<TableEntity>("p", "r", cancellationToken: Cancellation).Value!;
        Table.DeleteEntity(replaced, cancellationToken: Cancellation);

        Assert.Equal(("sync", 5), (merged.GetString("Text"), merged.GetInt32("Extra")));
        Assert.Equal("replaced", replaced.GetString("Text"));
        Assert.False(replaced.ContainsKey("Extra"));
        Assert.False(Table.GetEntityIfExists<TableEntity>("p", "r", cancellationToken: Cancellation).HasValue);
    }

    [Fact]
    public async Task UpsertEntity_MergeAndReplace_KeepOrDropOtherProperties()
    {
        await Table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, cancellationToken: Cancellation);

        await Table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" }, TableUpdateMode.Merge, Cancellation);
        TableEntity merged = (await Table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Cancellation)).Value;
        await Table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a3" }, TableUpdateMode.Replace, Cancellation);
        TableEntity replaced = (await Table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Cancellation)).Value;

        Assert.Equal(("a2", "b"), (merged.GetString("A"), merged.GetString("B")));
        Assert.Equal("a3", replaced.GetString("A"));
        Assert.False(replaced.ContainsKey("B"));
    }

    [Fact]
    public async Task GetEntity_WithSelect_ReturnsOnlySelectedProperties()
    {
        await Table.AddEntityAsync(new TableEntity("p", "r") { ["Kept"] = "k", ["Dropped"] = "d" }, Cancellation);

        TableEntity entity = (await Table.GetEntityAsync<TableEntity>("p", "r", ["Kept"], Cancellation)).Value;

        Assert.Equal("k", entity.GetString("Kept"));
        Assert.False(entity.ContainsKey("Dropped"));
    }

    [Fact]
    public async Task GetEntity_Missing_Throws404()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => Table.GetEntityAsync<NoteEntity>("p", "missing", cancellationToken: Cancellation));

        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task AddEntity_Existing_Throws409EntityAlreadyExists()
    {
        await Table.AddEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r" }, Cancellation);

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => Table.AddEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r" }, Cancellation));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Contains("EntityAlreadyExists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEntity_TableMissing_Throws404TableNotFound()
    {
        var missing = new TableClient(Azurite.ConnectionString, Azurite.UniqueName("missing"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => missing.AddEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r" }, Cancellation));

        Assert.Equal(404, error.Status);
        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task UpdateEntity_StaleETag_Throws412UpdateConditionNotSatisfied()
    {
        await Table.AddEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r", Version = 1 }, Cancellation);
        NoteEntity stale = (await Table.GetEntityAsync<NoteEntity>("p", "r", cancellationToken: Cancellation)).Value;
        await Table.UpsertEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r", Version = 2 }, cancellationToken: Cancellation);

        stale.Version = 3;
        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => Table.UpdateEntityAsync(stale, stale.ETag, cancellationToken: Cancellation));

        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteEntity_StaleETag_Throws412AndKeepsEntity()
    {
        await Table.AddEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r" }, Cancellation);
        ETag stale = (await Table.GetEntityAsync<NoteEntity>("p", "r", cancellationToken: Cancellation)).Value.ETag;
        await Table.UpsertEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r", Version = 2 }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.DeleteEntityAsync("p", "r", stale, Cancellation));

        Assert.Equal(412, error.Status);
        Assert.True((await Table.GetEntityIfExistsAsync<NoteEntity>("p", "r", cancellationToken: Cancellation)).HasValue);
    }

    [Fact]
    public async Task DeleteEntity_Missing_Returns404WithoutThrowing()
    {
        Response response = await Table.DeleteEntityAsync("p", "missing", cancellationToken: Cancellation);

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task UpdateEntity_Missing_Throws404()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => Table.UpdateEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "missing" }, ETag.All, cancellationToken: Cancellation));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task UpdateEntity_DefaultETag_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Table.UpdateEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r" }, default, cancellationToken: Cancellation));
    }

    [Fact]
    public async Task UpdateEntity_TwoWritersWithSameETag_ExactlyOneWins()
    {
        await Table.AddEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "r", Version = 0 }, Cancellation);
        var firstWriter = new TableClient(Azurite.ConnectionString, Table.Name);
        var secondWriter = new TableClient(Azurite.TableEndpoint, Table.Name, new TableSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));
        NoteEntity first = (await firstWriter.GetEntityAsync<NoteEntity>("p", "r", cancellationToken: Cancellation)).Value;
        NoteEntity second = (await secondWriter.GetEntityAsync<NoteEntity>("p", "r", cancellationToken: Cancellation)).Value;
        first.Version = 1;
        second.Version = 2;

        Task<Response>[] writes =
        [
            firstWriter.UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace, Cancellation),
            secondWriter.UpdateEntityAsync(second, second.ETag, TableUpdateMode.Replace, Cancellation),
        ];
        Exception? failure = await Record.ExceptionAsync(() => Task.WhenAll(writes));

        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(1, writes.Count(write => write.IsCompletedSuccessfully));
        var conflict = Assert.IsType<RequestFailedException>(failure);
        Assert.Equal(412, conflict.Status);
        int winner = writes[0].IsCompletedSuccessfully ? 1 : 2;
        Assert.Equal(winner, (await Table.GetEntityAsync<NoteEntity>("p", "r", cancellationToken: Cancellation)).Value.Version);
    }

    [Fact]
    public async Task Entity_ChineseTextEmojiAndQuotesInValuesAndKeys_RoundTripUnchanged()
    {
        const string text = "北京卫生信息化 🏥";
        const string partitionKey = "医院 🏥";
        const string rowKey = "O'Brien's 卫生";
        await Table.AddEntityAsync(new NoteEntity { PartitionKey = partitionKey, RowKey = rowKey, Text = text }, Cancellation);

        NoteEntity read = (await Table.GetEntityAsync<NoteEntity>(partitionKey, rowKey, cancellationToken: Cancellation)).Value;
        NoteEntity queried = Assert.Single(Table.Query<NoteEntity>(TableClient.CreateQueryFilter($"Text eq {text}"), cancellationToken: Cancellation));
        Response deleted = await Table.DeleteEntityAsync(partitionKey, rowKey, cancellationToken: Cancellation);

        Assert.Equal((partitionKey, rowKey, text), (read.PartitionKey, read.RowKey, read.Text));
        Assert.Equal(rowKey, queried.RowKey);
        Assert.Equal(204, deleted.Status);
    }

    [Fact]
    public async Task AddEntity_StringPropertyOver64KiB_ThrowsPropertyValueTooLarge()
    {
        // The service counts strings in UTF-16: 32 Ki characters are 64 KiB.
        var entity = new TableEntity("p", "r") { ["Text"] = new string('x', (32 * 1024) + 1) };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.AddEntityAsync(entity, Cancellation));

        Assert.Equal(400, error.Status);
        Assert.Equal("PropertyValueTooLarge", error.ErrorCode);
        Assert.Contains("PropertyValueTooLarge", error.Message, StringComparison.Ordinal);
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>("p", "r", cancellationToken: Cancellation)).HasValue);
    }

    [Fact]
    public async Task AddEntity_BinaryPropertyOver64KiB_ThrowsPropertyValueTooLarge()
    {
        var entity = new TableEntity("p", "r") { ["Bytes"] = new byte[(64 * 1024) + 1] };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.AddEntityAsync(entity, Cancellation));

        Assert.Equal(400, error.Status);
        Assert.Equal("PropertyValueTooLarge", error.ErrorCode);
    }

    [Fact]
    public async Task AddEntity_PropertiesAtTheLimit_Accepted()
    {
        var entity = new TableEntity("p", "r") { ["Text"] = new string('x', 32 * 1024), ["Bytes"] = new byte[64 * 1024] };

        await Table.AddEntityAsync(entity, Cancellation);
        TableEntity read = (await Table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Cancellation)).Value;

        Assert.Equal(32 * 1024, read.GetString("Text").Length);
        Assert.Equal(64 * 1024, read.GetBinary("Bytes").Length);
    }
}
