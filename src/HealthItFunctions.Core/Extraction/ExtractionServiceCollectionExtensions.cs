using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Seeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Extraction;

public static class ExtractionServiceCollectionExtensions
{
    private const string SeedsFileName = "sources.json";

    public static IServiceCollection AddArticleExtraction(this IServiceCollection services)
    {
        services.AddOptions<ExtractionOptions>()
            .BindConfiguration(ExtractionOptions.Section)
            .Validate(o => o.SourcesPath is null || File.Exists(o.SourcesPath), "Extraction:SourcesPath points to a missing file.")
            .ValidateOnStart();
        services.AddSingleton(sp => LoadCatalog(sp.GetRequiredService<IOptions<ExtractionOptions>>().Value));
        services.AddSingleton(sp => new PublishTimeParser(clock: sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IArticleExtractor>(sp => new ArticleExtractor(
            sp.GetRequiredService<SourceCatalog>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<PublishTimeParser>()));
        services.AddSingleton<ArticleReader>();
        return services;
    }

    private static SourceCatalog LoadCatalog(ExtractionOptions options) =>
        SeedFiles.Locate(SeedsFileName, options.SourcesPath) is { } path ? SourceCatalog.Load(path) : SourceCatalog.Empty;
}
