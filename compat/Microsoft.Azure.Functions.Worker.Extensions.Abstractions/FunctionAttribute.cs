namespace Microsoft.Azure.Functions.Worker;

/// <summary>Marks a method as a function; the name is what the Functions host knows it by.</summary>
[AttributeUsage(AttributeTargets.Method)]
public class FunctionAttribute : Attribute
{
    public FunctionAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
