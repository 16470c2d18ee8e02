using System.Collections.Concurrent;
using HealthItFunctions.Core.Fetching;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>
/// Per-host pacing for one process: callers for a host queue on its semaphore, one request per host is in flight,
/// and each turn starts at least <see cref="PollingOptions.PerHostDelay"/> after the previous response arrived.
/// Across instances this does not hold; there the queue's batchSize and the app's maximum instance count bound the rate.
/// </summary>
internal sealed class InProcessHostPacer(IOptions<PollingOptions> options, TimeProvider time) : IHostPacer
{
    private static readonly IAsyncDisposable Unpaced = new NoTurn();

    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<IAsyncDisposable> WaitTurnAsync(string host, CancellationToken cancellationToken)
    {
        var delay = options.Value.PerHostDelay;
        if (delay <= TimeSpan.Zero)
        {
            return Unpaced;
        }

        var slot = _hosts.GetOrAdd(host, _ => new HostSlot());
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.LastFinished is { } last && last + delay - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }

        return new Turn(slot, time);
    }

    private sealed class HostSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset? LastFinished { get; set; }
    }

    private sealed class Turn(HostSlot slot, TimeProvider time) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                slot.LastFinished = time.GetUtcNow();
                slot.Gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoTurn : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
