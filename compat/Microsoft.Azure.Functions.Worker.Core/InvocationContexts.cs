namespace Microsoft.Azure.Functions.Worker;

/// <summary>The distributed-tracing context of an invocation.</summary>
public abstract class TraceContext
{
    public abstract string TraceParent { get; }

    public abstract string TraceState { get; }

    public virtual IReadOnlyDictionary<string, string> Attributes => new Dictionary<string, string>();
}

/// <summary>The trigger metadata of an invocation.</summary>
public abstract class BindingContext
{
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}

/// <summary>Retry state of the event that triggered an invocation.</summary>
public abstract class RetryContext
{
    public abstract int RetryCount { get; }

    public abstract int MaxRetryCount { get; }
}

/// <summary>Describes the function being executed.</summary>
/// <remarks>
/// A subset: the parameter and binding-metadata members are left out because they drag in the worker's
/// binding model, which nothing here can populate without a Functions host.
/// </remarks>
public abstract class FunctionDefinition
{
    public abstract string PathToAssembly { get; }

    public abstract string EntryPoint { get; }

    public abstract string Id { get; }

    public abstract string Name { get; }
}

/// <summary>The features of an invocation, by type.</summary>
public interface IInvocationFeatures : IEnumerable<KeyValuePair<Type, object>>
{
    void Set<T>(T instance);

    T? Get<T>();
}
