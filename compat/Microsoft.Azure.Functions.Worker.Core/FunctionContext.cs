namespace Microsoft.Azure.Functions.Worker;

/// <summary>Encapsulates the information about a function execution.</summary>
/// <remarks>
/// Every abstract member of the official type is here, so a test double written against the compat build
/// also compiles against the official one (and the other way round).
/// </remarks>
public abstract class FunctionContext
{
    public abstract string InvocationId { get; }

    public abstract string FunctionId { get; }

    public abstract TraceContext TraceContext { get; }

    public abstract BindingContext BindingContext { get; }

    public abstract RetryContext RetryContext { get; }

    public abstract IServiceProvider InstanceServices { get; set; }

    public abstract FunctionDefinition FunctionDefinition { get; }

    public abstract IDictionary<object, object> Items { get; set; }

    public abstract IInvocationFeatures Features { get; }

    // Virtual, not abstract, as officially: doubles that predate it need not override it.
    public virtual CancellationToken CancellationToken { get; } = CancellationToken.None;
}
