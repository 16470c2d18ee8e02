using HealthItFunctions.Cli.Benchmark;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Processing;

/// <summary>Storage transactions are this app's cost: counted per outcome by the pipeline policy on every client.</summary>
[Collection(ProcessingStorage.Name)]
public sealed class IngestCostTests(AzuriteFixture azurite)
{
    private const string Host = "www.cost.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IngestAsync_NewDuplicateAndReprint_StayWithinTheTransactionTargets()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, [Host]);
        var text = new DistinctText(new Random(18));
        var at = new DateTimeOffset(2018, 5, 3, 9, 0, 0, TimeSpan.FromHours(8));
        var warmUp = new GeneratedArticle(Host, "/warm.html", "预热", at.AddMonths(2), "测试日报", text.Paragraphs(4));
        var original = new GeneratedArticle(Host, "/new.html", "新稿件" + text.Sentence(6), at, "测试日报", text.Paragraphs(5));
        var reprint = original with { Path = "/reprint.html", Title = "转载：" + original.Title, Paragraphs = ["来源：测试日报", .. original.Paragraphs, "责任编辑：李明"] };
        foreach (var page in new[] { warmUp, original, reprint })
        {
            harness.Serve(page);
        }

        // Creating the tables once is not a per-article cost.
        await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(warmUp, "test-source"), Ct);

        var (newResult, newCost) = await CountAsync(harness, original);
        var (duplicateResult, duplicateCost) = await CountAsync(harness, original);
        var (reprintResult, reprintCost) = await CountAsync(harness, reprint);

        TestContext.Current.TestOutputHelper?.WriteLine($"transactions: new {newCost}, duplicate {duplicateCost}, reprint {reprintCost}");
        Assert.Equal([IngestOutcome.Stored, IngestOutcome.Duplicate, IngestOutcome.StoredAsReprint], [newResult, duplicateResult, reprintResult]);
        Assert.InRange(newCost, 1, 6);
        Assert.InRange(duplicateCost, 1, 2);
        Assert.InRange(reprintCost, 1, 7);
    }

    private static async Task<(IngestOutcome Outcome, int Transactions)> CountAsync(IngestHarness harness, GeneratedArticle page)
    {
        var before = harness.Transactions.Total;
        var result = await harness.Ingestor.IngestAsync(IngestHarness.MessageFor(page, "test-source"), Ct);
        return (result.Outcome, harness.Transactions.Total - before);
    }
}
