using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Core.Review;
using HealthItFunctions.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthItFunctions.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the domain services shared by the Functions app and the CLI.</summary>
    public static IHostApplicationBuilder AddCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(RunClock.Create);
        builder.Services.AddArticleExtraction();
        builder.Services.AddRelevance();
        builder.Services.AddBulletinRendering();
        builder.Services.AddPipeline();
        builder.Services.AddReview();
        builder.Services.AddSourceMonitoring();
        return builder;
    }
}
