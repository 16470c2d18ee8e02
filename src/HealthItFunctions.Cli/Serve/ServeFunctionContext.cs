using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// The FunctionContext a function sees under serve: its name, a fresh invocation id, the invocation's services and
/// the trigger's binding data (DequeueCount, route values...). What serve does not host (retries, output bindings,
/// trace propagation) throws, naming itself, rather than pretending.
/// </summary>
internal sealed class ServeFunctionContext(AppFunction function, IReadOnlyDictionary<string, object?> bindingData, IServiceProvider services, CancellationToken cancellationToken)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => function.Name;

    public override TraceContext TraceContext => throw NotHosted(nameof(TraceContext));

    public override BindingContext BindingContext { get; } = new ServeBindingContext(bindingData);

    public override RetryContext RetryContext => throw NotHosted(nameof(RetryContext));

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw NotHosted(nameof(FunctionDefinition));

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw NotHosted(nameof(Features));

    public override CancellationToken CancellationToken => cancellationToken;

    private NotSupportedException NotHosted(string member) =>
        new($"{function.Name} reads FunctionContext.{member}, which `healthit serve` does not provide; extend ServeFunctionContext.");

    private sealed class ServeBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
