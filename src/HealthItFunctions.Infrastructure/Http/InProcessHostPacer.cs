using System.Collections.Concurrent;
using HealthItFunctions.Core.Fetching;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>
/// Per-host pacing for one process: callers for a host queue on its semaphore, and each turn starts at least
/// <see cref="PollingOptions.PerHostDelay"/> after the previous one. Across instances this does not hold;
/// there the queue's batchSize and the app's maximum instance count bound the rate (see README).
/// </summary>
internal sealed class InProcessHostPacer(IOptions<PollingOptions> options, TimeProvider time) : IHostPacer
{
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask WaitTurnAsync(string host, CancellationToken cancellationToken)
    {
        var delay = options.Value.PerHostDelay;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        var slot = _hosts.GetOrAdd(host, _ => new HostSlot());
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.LastTurn is { } last)
            {
                var wait = last + delay - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }

            slot.LastTurn = time.GetUtcNow();
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private sealed class HostSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset? LastTurn { get; set; }
    }
}
