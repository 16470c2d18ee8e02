namespace HealthItFunctions.Core.Fetching;

/// <summary>
/// Spaces requests to one host so that a site sees at most one request from us per configured interval,
/// however many callers (queue executions, retries, robots.txt) want it at once.
/// </summary>
public interface IHostPacer
{
    /// <summary>Completes when the caller may send its request to <paramref name="host"/>; the turn is then used up.</summary>
    ValueTask WaitTurnAsync(string host, CancellationToken cancellationToken);
}
