using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>Mail settings (validated on start) and what sends mail: the bulletin mailer, the daily digest, source alerts.</summary>
    public static IServiceCollection AddMailing(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddSingleton<BulletinMailer>();
        services.TryAddSingleton<DraftNotice>();
        services.TryAddSingleton<DigestService>();
        services.TryAddSingleton<IAlertSink, MailAlertSink>();
        return services;
    }
}
