using Azure.Core;
using Azure.Core.Pipeline;

namespace HealthItFunctions.Testing.Faults;

/// <summary>
/// A place in a storage client's pipeline that a test fills after its setup: clients are built once per host, so a
/// policy added at build time would also see the setup's writes. Empty, it passes every request on.
/// </summary>
public sealed class FaultSlot : HttpPipelinePolicy
{
    private volatile HttpPipelinePolicy? _policy;

    /// <summary>The policy every later request passes through, or null for none.</summary>
    public HttpPipelinePolicy? Policy
    {
        get => _policy;
        set => _policy = value;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (_policy is { } policy)
        {
            policy.Process(message, pipeline);
        }
        else
        {
            ProcessNext(message, pipeline);
        }
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        _policy is { } policy ? policy.ProcessAsync(message, pipeline) : ProcessNextAsync(message, pipeline);
}
