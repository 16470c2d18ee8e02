using Azure;
using Azure.Data.Tables;
using HealthItFunctions.Testing;

namespace Compat.Tests.Tables;

public sealed class TableQueryTests(AzuriteFixture azurite) : TableTestBase(azurite)
{
    private const int EntityCount = 1050;

    [Fact]
    public async Task QueryAsync_MoreThanOnePageOfEntities_ReturnsAllAcrossPages()
    {
        await AddNumberedEntitiesAsync(EntityCount);

        List<Page<NoteEntity>> pages = await Table.QueryAsync<NoteEntity>(cancellationToken: Cancellation).AsPages().ToListAsync(Cancellation);
        List<NoteEntity> all = pages.SelectMany(page => page.Values).ToList();

        Assert.True(pages.Count >= 2, $"Expected the service to page the results, got {pages.Count} page(s).");
        Assert.True(pages[0].Values.Count <= 1000);
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(EntityCount, all.Count);
        Assert.Equal(EntityCount, all.Select(note => note.RowKey).Distinct().Count());
    }

    [Fact]
    public async Task Query_MaxPerPage_LimitsEachPageAndResumesFromContinuationToken()
    {
        await AddNumberedEntitiesAsync(250);

        Page<NoteEntity> first = Table.Query<NoteEntity>(maxPerPage: 100, cancellationToken: Cancellation).AsPages().First();
        List<Page<NoteEntity>> rest = Table.Query<NoteEntity>(maxPerPage: 100, cancellationToken: Cancellation).AsPages(first.ContinuationToken).ToList();

        Assert.Equal(100, first.Values.Count);
        Assert.Equal([100, 50], rest.Select(page => page.Values.Count));
        Assert.Equal(
            Enumerable.Range(0, 250),
            first.Values.Concat(rest.SelectMany(page => page.Values)).Select(note => note.Version));
    }

    [Fact]
    public async Task QueryAsync_PageSizeHint_OverridesMaxPerPage()
    {
        await AddNumberedEntitiesAsync(30);

        Page<NoteEntity> page = await Table.QueryAsync<NoteEntity>(maxPerPage: 25, cancellationToken: Cancellation)
            .AsPages(pageSizeHint: 10)
            .FirstAsync(Cancellation);

        Assert.Equal(10, page.Values.Count);
    }

    [Fact]
    public async Task QueryAsync_FilterFromCreateQueryFilter_MatchesOnlyThoseEntities()
    {
        await AddNumberedEntitiesAsync(20);
        string partition = "numbers";

        List<NoteEntity> matched = await Table
            .QueryAsync<NoteEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Version ge {15} and Version lt {18}"), cancellationToken: Cancellation)
            .ToListAsync(Cancellation);

        Assert.Equal([15, 16, 17], matched.Select(note => note.Version));
    }

    [Fact]
    public async Task QueryAsync_Select_ReturnsOnlySelectedProperties()
    {
        await Table.AddEntityAsync(new TableEntity("p", "r") { ["Kept"] = 1, ["Dropped"] = 2 }, Cancellation);

        TableEntity entity = await Table.QueryAsync<TableEntity>(select: ["Kept"], cancellationToken: Cancellation).SingleAsync(Cancellation);

        Assert.Equal(1, entity.GetInt32("Kept"));
        Assert.False(entity.ContainsKey("Dropped"));
    }

    [Fact]
    public async Task QueryAsync_NoMatch_ReturnsOneEmptyPage()
    {
        List<Page<NoteEntity>> pages = await Table.QueryAsync<NoteEntity>("PartitionKey eq 'none'", cancellationToken: Cancellation)
            .AsPages()
            .ToListAsync(Cancellation);

        Page<NoteEntity> page = Assert.Single(pages);
        Assert.Empty(page.Values);
        Assert.Null(page.ContinuationToken);
    }

    private async Task AddNumberedEntitiesAsync(int count)
    {
        // Transactions take at most 100 actions.
        foreach (int[] chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await Table.SubmitTransactionAsync(
                chunk.Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add,
                    new NoteEntity { PartitionKey = "numbers", RowKey = $"{i:D5}", Version = i })),
                Cancellation);
        }
    }
}
