using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Sources;

public sealed class SourceEvidenceTests
{
    private static readonly SourceEvidence ListOnly = new() { Covers = ["list"], What = "rows", Seen = "owner/repo a.ts", Year = 2024 };

    [Fact]
    public void UnverifiedRules_RulesWithoutCoveringEvidence_AreNamed()
    {
        var source = new SourceDefinition
        {
            Id = "a", Media = "A", Hosts = ["a.cn"],
            List = new ListRules { StartUrls = ["https://a.cn/"] },
            Detail = new DetailRules(),
            Canonical = new CanonicalUrlRule { ForceHttps = true },
            Evidence = [ListOnly],
        };

        Assert.Equal(["detail", "canonical"], source.UnverifiedRules());
    }

    [Fact]
    public void UnverifiedRules_RulesTheSourceDoesNotSet_AreNotReported()
    {
        var source = new SourceDefinition { Id = "a", Media = "A", Hosts = ["a.cn"], List = new ListRules(), Evidence = [ListOnly] };

        Assert.Empty(source.UnverifiedRules());
    }

    /// <summary>
    /// What the shipped catalog admits it has no evidence for. A change here is a change in what rests on guesses:
    /// update docs/sources-evidence.md with it.
    /// </summary>
    [Fact]
    public void UnverifiedRules_ShippedCatalog_OnlyTheDocumentedGaps()
    {
        var catalog = HealthItFunctions.Core.Sources.SourceCatalogLoader.Load(Path.Combine(RepositoryPaths.Root, "seeds", "sources.json"));

        var gaps = catalog.Sources.SelectMany(s => s.UnverifiedRules().Select(rule => $"{s.Id} {rule}")).Order().ToList();

        Assert.Equal(["bjzhongyi list", "pumch list"], gaps);
    }

    [Fact]
    public void Evidence_ShippedCatalog_EveryEntrySaysWhereAndWhen()
    {
        var catalog = HealthItFunctions.Core.Sources.SourceCatalogLoader.Load(Path.Combine(RepositoryPaths.Root, "seeds", "sources.json"));

        Assert.All(catalog.Sources.SelectMany(s => s.Evidence), e =>
        {
            Assert.NotEmpty(e.Covers);
            Assert.False(string.IsNullOrWhiteSpace(e.What));
            Assert.False(string.IsNullOrWhiteSpace(e.Seen));
            Assert.InRange(e.Year, 2015, 2026);
        });
    }
}
