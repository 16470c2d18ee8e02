namespace Compat.Tests.Fidelity;

/// <summary>
/// One line of an api listing, keyed by where it sits: a type declaration's scope is its namespace (or
/// enclosing type), a member's scope is its declaring type. Without the scope, the many identical member
/// lines of different types (<c>public string Name { get { throw null; } }</c>) would collapse into one.
/// </summary>
internal sealed record ApiEntry(string Scope, string Line)
{
    public override string ToString() => $"{Scope} :: {Line}";
}
