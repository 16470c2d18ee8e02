using HealthItFunctions.Core.Alerts;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Infrastructure.Mail;

internal static class MailInfrastructureExtensions
{
    /// <summary>SMTP, archive links, and the small state the digest and the alerts keep.</summary>
    public static IServiceCollection AddMailAdapters(this IServiceCollection services) => services
        .AddSingleton<IMailer, SmtpMailer>()
        .AddSingleton<IBulletinLinks, BlobBulletinLinks>()
        .AddSingleton<MailStateTable>()
        .AddSingleton<IDigestStateStore, TableDigestStateStore>()
        .AddSingleton<IAlertLedger, TableAlertLedger>();
}
