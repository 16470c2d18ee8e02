using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Feeds;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthItFunctions.Core.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The pipeline's services: poll → ingest → publish. Their ports are registered by AddInfrastructure.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>()
            .BindConfiguration(QueueOptions.Section)
            .Validate(o => IsQueueName(o.SourcePolls) && IsQueueName(o.ArticleFetch),
                "Queues:SourcePolls and Queues:ArticleFetch must be queue names: 3-63 lowercase letters, digits and single hyphens.")
            .ValidateOnStart();
        services.AddMailing();

        services.TryAddSingleton<MessageIntake>();
        services.TryAddSingleton<FeedReader>();
        services.TryAddSingleton<ListLinkReader>();
        services.TryAddSingleton<SourcePoller>();
        services.TryAddSingleton<ArticleIngestor>();
        services.TryAddSingleton<Images.ArticleImageCollector>();
        services.TryAddSingleton<BulletinPublisher>();
        return services;
    }

    private static bool IsQueueName(string name) =>
        name.Length is >= 3 and <= 63 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !name.StartsWith('-') && !name.EndsWith('-') && !name.Contains("--");
}
