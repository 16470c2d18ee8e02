using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Seeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Relevance;

public static class RelevanceServiceCollectionExtensions
{
    /// <summary>Registers the lexicon (seeds/lexicon.json or Relevance:LexiconPath), the relevance scorer and the near-duplicate detector.</summary>
    public static IServiceCollection AddRelevance(this IServiceCollection services)
    {
        services.AddOptions<RelevanceOptions>()
            .BindConfiguration(RelevanceOptions.Section)
            .Validate(o => o.LexiconPath is null || File.Exists(o.LexiconPath), "Relevance:LexiconPath points to a missing file.")
            .ValidateOnStart();
        services.AddSingleton(sp => LoadLexicon(sp.GetRequiredService<IOptions<RelevanceOptions>>().Value));
        services.AddSingleton<RelevanceScorer>();
        services.AddSingleton<NearDuplicateDetector>();
        services.AddSingleton<PrimaryRule>();
        services.AddSingleton<ReprintClusterer>();
        return services;
    }

    private static Lexicon LoadLexicon(RelevanceOptions options) =>
        SeedFiles.Locate(Lexicon.FileName, options.LexiconPath) is { } path
            ? Lexicon.Load(path)
            : throw new InvalidOperationException(
                $"seeds/{Lexicon.FileName} was not found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; " +
                $"copy it beside the binaries or set {RelevanceOptions.Section}:{nameof(RelevanceOptions.LexiconPath)}.");
}
