using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthItFunctions.Core.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>The review API's services; <see cref="IReviewHistory"/> is registered by AddInfrastructure.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.TryAddSingleton<ReviewBulletins>();
        services.TryAddSingleton<ReviewService>();
        return services;
    }
}
