namespace HealthItFunctions.Core.Fetching;

/// <summary>
/// Spaces requests to one host so that a site sees at most one request from us per configured interval,
/// however many callers (queue executions, retries, robots.txt) want it at once.
/// </summary>
public interface IHostPacer
{
    /// <summary>
    /// Completes when the caller may send its request to <paramref name="host"/>. Dispose the turn once the response
    /// has arrived: the host's next turn starts the configured delay after that, so the gaps the site sees between
    /// our requests are never shorter than the delay, whatever the network adds.
    /// </summary>
    ValueTask<IAsyncDisposable> WaitTurnAsync(string host, CancellationToken cancellationToken);
}
