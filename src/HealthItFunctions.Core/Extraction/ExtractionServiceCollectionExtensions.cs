using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Families;
using HealthItFunctions.Core.Extraction.Generic;
using HealthItFunctions.Core.Extraction.Layers;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Seeds;
using HealthItFunctions.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Extraction;

public static class ExtractionServiceCollectionExtensions
{
    private const string SeedsFileName = "sources.json";

    /// <summary>
    /// The extractor and its chain. The <see cref="IExtractionLayer"/> registrations below ARE the chain, in the order
    /// it runs: site rules, page families, then the generic steps per field. Needs a <see cref="TimeProvider"/> and the
    /// host's <see cref="ISourceCatalog"/> (the live catalog in both hosts; a <see cref="FileSourceCatalog"/> over the
    /// seeds' <see cref="SourceCatalog"/> where there is no storage): the extractor follows whichever catalog is in force.
    /// </summary>
    public static IServiceCollection AddArticleExtraction(this IServiceCollection services)
    {
        services.AddOptions<ExtractionOptions>()
            .BindConfiguration(ExtractionOptions.Section)
            .Validate(o => o.SourcesPath is null || File.Exists(o.SourcesPath), "Extraction:SourcesPath points to a missing file.")
            .ValidateOnStart();
        services.AddSingleton(sp => LoadCatalog(sp.GetRequiredService<IOptions<ExtractionOptions>>().Value));
        services.AddSingleton(sp => new PublishTimeParser(PublishTimeParser.China, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ScriptDates>();
        services.AddSingleton<DatePicker>();

        services.AddSingleton<IExtractionLayer, SourceRuleLayer>();
        services.AddSingleton<IExtractionLayer, WeChatFamily>();
        services.AddSingleton<IExtractionLayer, GovCnFamily>();
        services.AddSingleton<IExtractionLayer, GovCmsFamily>();
        services.AddSingleton<IExtractionLayer, TitleLayer>();
        services.AddSingleton<IExtractionLayer, BodyLayer>();
        services.AddSingleton<IExtractionLayer, PublishTimeLayer>();
        services.AddSingleton<IExtractionLayer, SourceLayer>();
        services.AddSingleton<IExtractionLayer, AuthorLayer>();

        services.AddSingleton<IArticleExtractor>(sp => new LiveCatalogExtractor(
            sp.GetRequiredService<ISourceCatalog>(), sp.GetRequiredService<TimeProvider>(), sp.GetServices<IExtractionLayer>()));
        services.AddSingleton<ArticleReader>();
        return services;
    }

    private static SourceCatalog LoadCatalog(ExtractionOptions options) =>
        SeedFiles.Locate(SeedsFileName, options.SourcesPath) is { } path ? SourceCatalogLoader.Load(path) : SourceCatalog.Empty;
}
