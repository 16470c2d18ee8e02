using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Layers;
using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>Hand-written HTML fixtures (Extraction/Fixtures, copied to the output) and the repository's seeds catalog.</summary>
internal static class Fixture
{
    /// <summary>A fixed fetch time, so relative dates in fixtures resolve the same on every run.</summary>
    public static readonly DateTimeOffset FetchedAt = new(2021, 9, 2, 12, 0, 0, TimeSpan.FromHours(8));

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures", name));

    public static SourceCatalog SeedsCatalog() => SourceCatalogLoader.Load(Path.Combine(RepositoryPaths.Root, "seeds", "sources.json"));

    /// <summary>The extractor as production builds it (DI, the registered layer chain), with a fixed clock and catalog.</summary>
    public static ArticleExtractor Extractor(SourceCatalog? catalog = null, ExtractionVocabulary? vocabulary = null)
    {
        var services = Services(catalog, vocabulary);
        return new ArticleExtractor(
            services.GetRequiredService<SourceCatalog>(), services.GetRequiredService<ExtractionVocabulary>(), services.GetRequiredService<TimeProvider>(), services.GetServices<IExtractionLayer>());
    }

    public static ServiceProvider Services(SourceCatalog? catalog = null, ExtractionVocabulary? vocabulary = null) => new ServiceCollection()
        .AddSingleton<TimeProvider>(new FakeTimeProvider(FetchedAt))
        .AddArticleExtraction()
        .AddSingleton(catalog ?? SeedsCatalog())
        .AddSingleton(vocabulary ?? TestLexicon.Shipped)
        .AddSingleton<ISourceCatalog>(sp => new FileSourceCatalog(sp.GetRequiredService<SourceCatalog>()))
        .BuildServiceProvider();
}
