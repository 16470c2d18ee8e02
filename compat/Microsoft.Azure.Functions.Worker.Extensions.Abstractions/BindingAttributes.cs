namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// The hierarchy and the public constructors match the official package, so that binding attributes
// written against the compat build derive from the same bases as under the official one.

[AttributeUsage(AttributeTargets.Method)]
public abstract class BindingAttribute : Attribute
{
    public BindingAttribute()
    {
    }
}

[AttributeUsage(AttributeTargets.Parameter)]
public abstract class InputBindingAttribute : BindingAttribute
{
    public InputBindingAttribute()
    {
    }
}

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public abstract class OutputBindingAttribute : BindingAttribute
{
    public OutputBindingAttribute()
    {
    }

    public OutputBindingAttribute(string name)
    {
        Name = name;
    }

    public string? Name { get; }
}

[AttributeUsage(AttributeTargets.Parameter)]
public abstract class TriggerBindingAttribute : BindingAttribute
{
    public TriggerBindingAttribute()
    {
    }
}
