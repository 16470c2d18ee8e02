using HealthItFunctions.Core.Bulletins.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthItFunctions.Core.Bulletins;

public static class BulletinServiceCollectionExtensions
{
    /// <summary>Bulletin options (validated on start), issue numbering, the composer and the three renderers as <see cref="IEnumerable{IBulletinRenderer}"/>.</summary>
    public static IServiceCollection AddBulletinRendering(this IServiceCollection services)
    {
        services.AddOptions<BulletinOptions>()
            .BindConfiguration(BulletinOptions.Section)
            .Validate(o => BulletinMonth.TryParse(o.FirstIssueMonth, out _), "Bulletin:FirstIssueMonth must be a month written yyyy-MM, e.g. 2018-04.")
            .Validate(o => o.IssueOverrides.Keys.All(k => BulletinMonth.TryParse(k, out _)), "Bulletin:IssueOverrides keys must be months written yyyy-MM, e.g. \"2021-08\": 41.")
            .Validate(o => o.IssueOverrides.Values.All(v => v is >= 1 and <= 999), "Bulletin:IssueOverrides values must be issue numbers from 1 to 999.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Title) && !string.IsNullOrWhiteSpace(o.Publisher), "Bulletin:Title and Bulletin:Publisher must not be empty.")
            .Validate(o => o.AutoDistributeAfterDays is >= 0 and <= 365, "Bulletin:AutoDistributeAfterDays must be a number of days from 0 (off) to 365.")
            .Validate(o => string.IsNullOrWhiteSpace(o.ReviewUrl) || Uri.TryCreate(o.ReviewUrl, UriKind.Absolute, out _), "Bulletin:ReviewUrl must be an absolute URL, e.g. https://<app>.azurewebsites.net/api/review.")
            .ValidateOnStart();
        services.TryAddSingleton<IssueNumbering>();
        services.TryAddSingleton<BulletinComposer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBulletinRenderer, MarkdownBulletinRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBulletinRenderer, HtmlBulletinRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBulletinRenderer, DocxBulletinRenderer>());
        return services;
    }
}
