namespace Compat.Tests.Fidelity;

public sealed class ApiComparisonTests
{
    private const string Scope = "Azure.Data.Tables.TableClient";

    private static readonly ApiLineNormalizer Normalizer = new([typeof(object).Assembly]);

    [Fact]
    public void Compare_ChangedDefaultValue_ReportsOneExtraAndOneMissing()
    {
        var comparison = ApiComparison.Compare(
            "Azure.Data.Tables",
            [new ApiEntry(Scope, "public virtual Azure.Response UpsertEntity<T>(T entity, Azure.Data.Tables.TableUpdateMode mode = Azure.Data.Tables.TableUpdateMode.Replace) { throw null; }")],
            [new ApiEntry(Scope, "public virtual Azure.Response UpsertEntity<T>(T entity, Azure.Data.Tables.TableUpdateMode mode = Azure.Data.Tables.TableUpdateMode.Merge) { throw null; }")],
            Normalizer);

        Assert.False(comparison.IsExact);
        Assert.EndsWith("TableUpdateMode.Replace) { throw null; }", comparison.Extra.Single().Line, StringComparison.Ordinal);
        Assert.EndsWith("TableUpdateMode.Merge) { throw null; }", comparison.Missing.Single().Line, StringComparison.Ordinal);
        Assert.Contains("1 extra, 1 missing", comparison.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SameMemberUnderAnotherType_IsNotAMatch()
    {
        var comparison = ApiComparison.Compare(
            "Azure.Data.Tables",
            [new ApiEntry("Azure.Data.Tables.TableServiceClient", "public virtual string AccountName { get { throw null; } }")],
            [new ApiEntry(Scope, "public virtual string AccountName { get { throw null; } }")],
            Normalizer);

        Assert.Single(comparison.Extra);
        Assert.Single(comparison.Missing);
    }

    [Fact]
    public void Compare_NullableReferenceAnnotationsOnOneSideOnly_MatchExactly()
    {
        var comparison = ApiComparison.Compare(
            "Azure.Data.Tables",
            [new ApiEntry(Scope, "public virtual Azure.Pageable<T> Query<T>(string filter = null, int? maxPerPage = default(int?)) where T : class, Azure.Data.Tables.ITableEntity { throw null; }")],
            [new ApiEntry(Scope, "public virtual Azure.Pageable<T> Query<T>(string? filter = null, int? maxPerPage = default(int?)) where T : class, Azure.Data.Tables.ITableEntity { throw null; }")],
            Normalizer);

        Assert.True(comparison.IsExact, comparison.Report());
    }
}
