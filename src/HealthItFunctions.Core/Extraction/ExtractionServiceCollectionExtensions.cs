using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Generic;
using HealthItFunctions.Core.Extraction.Layers;
using HealthItFunctions.Core.Extraction.Lexicon;
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
    /// The extractor, its compiled lexicon and its chain (<see cref="ExtractionChain"/>, registered in the order it runs).
    /// Needs a <see cref="TimeProvider"/> and the host's <see cref="ISourceCatalog"/> (the live catalog in both hosts; a
    /// <see cref="FileSourceCatalog"/> over the seeds' <see cref="SourceCatalog"/> where there is no storage): the
    /// extractor follows whichever catalog and lexicon are in force.
    /// </summary>
    public static IServiceCollection AddArticleExtraction(this IServiceCollection services)
    {
        services.AddOptions<ExtractionOptions>()
            .BindConfiguration(ExtractionOptions.Section)
            .Validate(o => o.SourcesPath is null || File.Exists(o.SourcesPath), "Extraction:SourcesPath points to a missing file.")
            .Validate(o => o.LexiconPath is null || File.Exists(o.LexiconPath), "Extraction:LexiconPath points to a missing file (environment: Extraction__LexiconPath).")
            .ValidateOnStart();
        services.AddSingleton(sp => LoadCatalog(sp.GetRequiredService<IOptions<ExtractionOptions>>().Value));
        services.AddSingleton(sp => new PublishTimeParser(PublishTimeParser.China, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ScriptDates>();
        services.AddSingleton<DatePicker>();

        // Compiled once, at start; a lexicon an operator edits later reaches the extractor through IExtractionLexiconSource.
        // Hosts without configuration (tests composing the extractor alone) get the shipped lexicon.
        services.AddSingleton(sp => ExtractionVocabulary.LoadShipped(
            sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is null ? null : sp.GetRequiredService<IOptions<ExtractionOptions>>().Value.LexiconPath));
        foreach (var (layer, _, _) in ExtractionChain.Steps)
        {
            services.AddSingleton(typeof(IExtractionLayer), layer);
        }

        services.AddSingleton<IArticleExtractor>(sp => new LiveCatalogExtractor(
            sp.GetRequiredService<ISourceCatalog>(), LexiconSource(sp), sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IExtractionLayer>()));
        services.AddSingleton<ArticleReader>();
        return services;
    }

    /// <summary>The host's live lexicon (Infrastructure registers the blob one), else the shipped file: one registration each, no replacing.</summary>
    private static IExtractionLexiconSource LexiconSource(IServiceProvider services) =>
        services.GetService<IExtractionLexiconSource>() ?? new FileExtractionLexiconSource(services.GetRequiredService<ExtractionVocabulary>());

    private static SourceCatalog LoadCatalog(ExtractionOptions options) =>
        SeedFiles.Locate(SeedsFileName, options.SourcesPath) is { } path ? SourceCatalogLoader.Load(path) : SourceCatalog.Empty;
}
