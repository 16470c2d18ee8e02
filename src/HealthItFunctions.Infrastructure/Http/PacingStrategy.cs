using HealthItFunctions.Core.Fetching;
using Polly;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>
/// Waits for the host's turn inside the resilience pipeline, below the retry and above the attempt timeout:
/// every attempt (retries included) is paced, and time spent queueing is not counted against an attempt.
/// One attempt per host is in flight at a time; the next starts the configured delay after the previous response.
/// </summary>
internal sealed class PacingStrategy(IHostPacer pacer) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        if (context.GetRequestMessage()?.RequestUri is not { } uri)
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        IAsyncDisposable turn;
        try
        {
            turn = await pacer.WaitTurnAsync(uri.IdnHost, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (OperationCanceledException e)
        {
            return Outcome.FromException<HttpResponseMessage>(e);
        }

        // The turn ends when the headers are in (or the attempt failed); the body is read outside the pipeline.
        await using (turn.ConfigureAwait(context.ContinueOnCapturedContext))
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
    }
}
