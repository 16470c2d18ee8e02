using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Extraction;

public static class ExtractionServiceCollectionExtensions
{
    private const string SeedsRelativePath = "seeds/sources.json";

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

    private static SourceCatalog LoadCatalog(ExtractionOptions options)
    {
        var path = options.SourcesPath ?? FindUpwards(Environment.CurrentDirectory) ?? FindUpwards(AppContext.BaseDirectory);
        return path is null ? SourceCatalog.Empty : SourceCatalog.Load(path);
    }

    /// <summary>The CLI runs from the repository or from bin/: the seeds file is found by walking up, as git finds .git.</summary>
    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, SeedsRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
