using HealthItFunctions.Core.Publishing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Functions.Publishing;

/// <summary>
/// On %BulletinSchedule% (UTC: Linux plans ignore WEBSITE_TIME_ZONE): publishes the previous Beijing month.
/// Re-runs are harmless: unchanged content makes no new version, and each version is mailed once.
/// </summary>
public sealed class PublishBulletin(BulletinPublisher publisher, ILogger<PublishBulletin> logger)
{
    [Function(nameof(PublishBulletin))]
    public async Task Run([TimerTrigger("%BulletinSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogInformation("PublishBulletin is running late; publishing the previous month now.");
        }

        await publisher.PublishPreviousMonthAsync(cancellationToken);
    }
}
