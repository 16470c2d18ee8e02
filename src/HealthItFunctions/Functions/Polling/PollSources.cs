using HealthItFunctions.Core.Polling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Functions.Polling;

/// <summary>On %PollSchedule%: one source-polls message per due source.</summary>
public sealed class PollSources(SourcePoller poller, ILogger<PollSources> logger)
{
    [Function(nameof(PollSources))]
    public async Task Run([TimerTrigger("%PollSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogInformation("PollSources is running late (the host was down or busy); polling now.");
        }

        await poller.EnqueueDueAsync(cancellationToken);
    }
}
