using HealthItFunctions.Core.Publishing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Functions.Publishing;

/// <summary>
/// On %DigestSchedule% (UTC; "0 0 0 * * *" is 08:00 in Beijing): mails the Include and Review articles stored since
/// the last digest. Nothing new sends nothing; a second run in the same window sends nothing either.
/// </summary>
public sealed class DailyDigest(DigestService digest, ILogger<DailyDigest> logger)
{
    [Function(nameof(DailyDigest))]
    public async Task Run([TimerTrigger("%DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            // The window runs from the last digest, so a late run simply covers a longer stretch.
            logger.LogInformation("DailyDigest is running late; the digest covers everything since the last one.");
        }

        await digest.RunAsync(dryRun: false, cancellationToken);
    }
}
