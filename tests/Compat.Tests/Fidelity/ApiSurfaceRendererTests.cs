using Compat.Tests.Fidelity.Samples;

namespace Compat.Tests.Fidelity;

public sealed class ApiSurfaceRendererTests
{
    private const string Samples = "Compat.Tests.Fidelity.Samples";

    private static readonly HashSet<ApiEntry> Rendered = typeof(SampleClient).Assembly.GetTypes()
        .Where(type => type.IsPublic && type.Namespace == Samples)
        .SelectMany(ApiSurfaceRenderer.Render)
        .ToHashSet();

    [Theory]
    // Type declarations: partial, modifiers, base class first, then interfaces.
    [InlineData(Samples, "public abstract partial class SampleClient : System.IDisposable")]
    [InlineData(Samples, "public sealed partial class SampleDerivedClient : Compat.Tests.Fidelity.Samples.SampleClient")]
    [InlineData(Samples, "public readonly partial struct SampleKey : System.IEquatable<Compat.Tests.Fidelity.Samples.SampleKey>")]
    [InlineData(Samples, "public static partial class SampleExtensions")]
    [InlineData(Samples, "public partial interface ISampleEntity")]
    [InlineData(Samples, "public enum SampleMode")]
    [InlineData(Samples, "public enum SampleWideMode : long")]
    [InlineData(Samples, "public delegate System.Threading.Tasks.Task SampleHandler(Compat.Tests.Fidelity.Samples.SampleKey key);")]
    [InlineData(Samples, "public partial class SampleResponse<T> where T : struct")]
    [InlineData(Samples + ".SampleClient", "public sealed partial class Nested")]
    // Constructors: protected for mocking, struct bodies, internal stand-in when none is visible.
    [InlineData(Samples + ".SampleClient", "protected SampleClient() { }")]
    [InlineData(Samples + ".SampleClient", "public SampleClient(string name, Compat.Tests.Fidelity.Samples.SampleMode mode = Compat.Tests.Fidelity.Samples.SampleMode.Merge, int? pageSize = default(int?), System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken)) { }")]
    [InlineData(Samples + ".SampleKey", "public SampleKey(string value) { throw null; }")]
    [InlineData(Samples + ".SampleCollection", "internal SampleCollection() { }")]
    [InlineData(Samples + ".SampleClient.Nested", "public Nested() { }")]
    // Fields and constants.
    [InlineData(Samples + ".SampleClient", "public const int MaxItems = 5;")]
    [InlineData(Samples + ".SampleClient", "public static readonly string DefaultName;")]
    [InlineData(Samples + ".SampleMode", "Replace = 1,")]
    [InlineData(Samples + ".SampleWideMode", "Wide = 4294967296,")]
    // Properties: get/set/init, accessor accessibility, abstract, indexers, interface members.
    [InlineData(Samples + ".SampleClient", "public virtual string Name { get { throw null; } }")]
    [InlineData(Samples + ".SampleClient", "public int Count { get { throw null; } protected set { } }")]
    [InlineData(Samples + ".SampleClient", "public string Label { get { throw null; } init { } }")]
    [InlineData(Samples + ".SampleClient", "public abstract string Kind { get; }")]
    [InlineData(Samples + ".SampleClient", "public object this[string key] { get { throw null; } set { } }")]
    [InlineData(Samples + ".ISampleEntity", "string Key { get; set; }")]
    [InlineData(Samples + ".SampleResponse<T>", "public T? Value { get { throw null; } set { } }")]
    // Events.
    [InlineData(Samples + ".SampleClient", "public event System.EventHandler<System.EventArgs> Changed { add { } remove { } }")]
    // Methods: modifiers, ref/in/out, params, defaults, generics and their constraints.
    [InlineData(Samples + ".SampleClient", "public static bool TryParse(ref int value, in System.DateTime at, out string text) { throw null; }")]
    [InlineData(Samples + ".SampleClient", "public abstract System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<string>> ListAsync(long offset = (long)0, params string[] names);")]
    [InlineData(Samples + ".SampleClient", "public virtual T Find<T>(string key, System.Collections.Generic.IEnumerable<string> select = null) where T : class, Compat.Tests.Fidelity.Samples.ISampleEntity { throw null; }")]
    [InlineData(Samples + ".SampleClient", "public void Dispose() { }")]
    [InlineData(Samples + ".SampleClient", "public override string ToString() { throw null; }")]
    [InlineData(Samples + ".SampleClient", "protected internal virtual void OnChanged() { }")]
    [InlineData(Samples + ".SampleDerivedClient", "public override string Kind { get { throw null; } }")]
    [InlineData(Samples + ".SampleDerivedClient", "public sealed override string Name { get { throw null; } }")]
    [InlineData(Samples + ".ISampleEntity", "void Touch<T>(T value);")]
    [InlineData(Samples + ".SampleExtensions", "public static string Describe(this Compat.Tests.Fidelity.Samples.SampleKey key, string prefix = null, bool upper = false, string separator = \":\") { throw null; }")]
    [InlineData(Samples + ".SampleResponse<T>", "public void Configure<TBuilder>(System.Func<TBuilder> factory) where TBuilder : notnull { }")]
    [InlineData(Samples + ".SampleResponse<T>", "public TNew Create<TNew>() where TNew : new() { throw null; }")]
    // Operators and conversions.
    [InlineData(Samples + ".SampleKey", "public static bool operator ==(Compat.Tests.Fidelity.Samples.SampleKey left, Compat.Tests.Fidelity.Samples.SampleKey right) { throw null; }")]
    [InlineData(Samples + ".SampleKey", "public static implicit operator Compat.Tests.Fidelity.Samples.SampleKey (string value) { throw null; }")]
    [InlineData(Samples + ".SampleKey", "public override bool Equals(object obj) { throw null; }")]
    // Explicit interface implementations keep their metadata names, as the listings do.
    [InlineData(Samples + ".SampleCollection", "System.Collections.Generic.IEnumerator<string> System.Collections.Generic.IEnumerable<System.String>.GetEnumerator() { throw null; }")]
    [InlineData(Samples + ".SampleCollection", "System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() { throw null; }")]
    public void Render_SampleTypes_WritesEachFeatureAsTheListingsDo(string scope, string line)
    {
        Assert.True(
            Rendered.Contains(new ApiEntry(scope, line)),
            $"Not rendered: {scope} :: {line}\nRendered in that scope:\n  {string.Join("\n  ", Rendered.Where(entry => entry.Scope == scope).Select(entry => entry.Line).Order(StringComparer.Ordinal))}");
    }

    [Fact]
    public void Render_CompilerGeneratedAndPrivateMembers_AreLeftOut()
    {
        Assert.DoesNotContain(Rendered, entry => entry.Line.Contains("<Value>k__BackingField", StringComparison.Ordinal));
        Assert.DoesNotContain(Rendered, entry => entry.Line.Contains("get_", StringComparison.Ordinal));
        Assert.DoesNotContain(Rendered, entry => entry.Scope == Samples + ".SampleCollection" && entry.Line.StartsWith("public", StringComparison.Ordinal));
    }
}
