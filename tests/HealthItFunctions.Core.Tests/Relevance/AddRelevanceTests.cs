using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Tests.Relevance;

public sealed class AddRelevanceTests
{
    [Fact]
    public void AddRelevance_LexiconPathConfigured_LoadsThatFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lexicon-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"titleMultiplier":2,"bands":{"include":0.5,"review":0.1},"axes":[{"name":"only","saturation":1,"terms":{"医院":1}}]}""");
        try
        {
            using var services = Build(new() { ["Relevance:LexiconPath"] = path });

            var lexicon = services.GetRequiredService<Lexicon>();

            Assert.Equal("only", Assert.Single(lexicon.Axes).Name);
            Assert.Equal(RelevanceBand.Include, services.GetRequiredService<RelevanceScorer>().Score("医院", "").Band);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddRelevance_NoPathConfigured_FindsSeedsLexiconAndRegistersDedup()
    {
        using var services = Build([]);

        Assert.Equal(3, services.GetRequiredService<Lexicon>().Axes.Count);
        Assert.Equal(NearDuplicateDetector.DefaultThreshold, services.GetRequiredService<NearDuplicateDetector>().Threshold);
        Assert.NotNull(services.GetRequiredService<ReprintClusterer>());
    }

    [Fact]
    public void AddRelevance_LexiconPathMissing_FailsOptionsValidation()
    {
        using var services = Build(new() { ["Relevance:LexiconPath"] = Path.Combine(RepositoryPaths.Root, "nope.json") });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RelevanceOptions>>().Value);

        Assert.Contains("Relevance:LexiconPath", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddRelevance()
            // The primary rule reads authorities from the host's catalog port (an adapter, registered by AddInfrastructure).
            .AddSingleton<ISourceCatalog>(new FileSourceCatalog(SourceCatalog.Empty))
            .BuildServiceProvider();
    }
}
