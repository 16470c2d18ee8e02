using Azure.Core;
using Azure.Core.Pipeline;

namespace HealthItFunctions.Testing.Faults;

/// <summary>
/// Thrown where a worker would have died: the write that follows it never reaches storage.
/// </summary>
public sealed class SimulatedCrashException(int writesLetThrough)
    : Exception($"Simulated crash after {writesLetThrough} storage write(s).")
{
    public int WritesLetThrough { get; } = writesLetThrough;
}

/// <summary>
/// A storage pipeline policy that lets the first N writes (PUT, POST, PATCH, MERGE, DELETE) reach the real server
/// and then fails every later write before it is sent: the state storage is left in is exactly the one a worker
/// killed between write N and write N+1 leaves behind. Reads always pass, so the retry sees that state.
/// Add it to Table/Blob/Queue client options with <see cref="HttpPipelinePosition.PerRetry"/>; call
/// <see cref="Disarm"/> to let the retry run to completion.
/// </summary>
public sealed class CrashAfterWrites(int writesAllowed) : HttpPipelinePolicy
{
    private int _writes;
    private volatile bool _armed = true;

    /// <summary>Writes that reached storage so far (counted while armed and after).</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>True once a write was refused: the crash point was reached within the operation.</summary>
    public bool Crashed { get; private set; }

    public void Disarm() => _armed = false;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Admit(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Admit(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Admit(HttpMessage message)
    {
        if (!IsWrite(message.Request.Method))
        {
            return;
        }

        if (_armed && Volatile.Read(ref _writes) >= writesAllowed)
        {
            Crashed = true;
            throw new SimulatedCrashException(writesAllowed);
        }

        Interlocked.Increment(ref _writes);
    }

    private static bool IsWrite(RequestMethod method) =>
        method == RequestMethod.Put || method == RequestMethod.Post || method == RequestMethod.Patch
        || method == RequestMethod.Delete || method.Method.Equals("MERGE", StringComparison.OrdinalIgnoreCase);
}
