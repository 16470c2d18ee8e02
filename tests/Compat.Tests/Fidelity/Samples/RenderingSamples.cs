using System.Collections;

// Types whose only purpose is to be rendered: each exercises a feature of the listing format, so the
// renderer is checked on known input before it is trusted on the compat assemblies.
namespace Compat.Tests.Fidelity.Samples;

public interface ISampleEntity
{
    string Key { get; set; }

    void Touch<T>(T value);
}

public enum SampleMode
{
    Merge = 0,
    Replace = 1,
}

public enum SampleWideMode : long
{
    Wide = 4294967296,
}

public delegate Task SampleHandler(SampleKey key);

public abstract class SampleClient : IDisposable
{
    public const int MaxItems = 5;

    public static readonly string DefaultName = "sample";

    protected SampleClient()
    {
    }

    public SampleClient(string name, SampleMode mode = SampleMode.Merge, int? pageSize = null, CancellationToken cancellationToken = default)
    {
    }

    public event EventHandler<EventArgs>? Changed
    {
        add { }
        remove { }
    }

    public virtual string Name { get; } = "";

    public int Count { get; protected set; }

    public string Label { get; init; } = "";

    public abstract string Kind { get; }

    public object this[string key]
    {
        get => key;
        set { }
    }

    public static bool TryParse(ref int value, in DateTime at, out string? text)
    {
        text = null;
        return true;
    }

    public abstract Task<IReadOnlyList<string>> ListAsync(long offset = 0, params string[] names);

    public virtual T? Find<T>(string key, IEnumerable<string>? select = null) where T : class, ISampleEntity => null;

    public void Dispose() => GC.SuppressFinalize(this);

    public override string ToString() => Name;

    protected internal virtual void OnChanged()
    {
    }

    public sealed class Nested
    {
    }
}

public sealed class SampleDerivedClient : SampleClient
{
    public override string Kind => "derived";

    public sealed override string Name => "derived";

    public override Task<IReadOnlyList<string>> ListAsync(long offset = 0, params string[] names) =>
        Task.FromResult<IReadOnlyList<string>>(names);
}

public readonly struct SampleKey : IEquatable<SampleKey>
{
    public SampleKey(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public static bool operator ==(SampleKey left, SampleKey right) => left.Equals(right);

    public static bool operator !=(SampleKey left, SampleKey right) => !left.Equals(right);

    public static implicit operator SampleKey(string value) => new(value);

    public bool Equals(SampleKey other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is SampleKey other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}

public static class SampleExtensions
{
    public static string Describe(this SampleKey key, string? prefix = null, bool upper = false, string separator = ":") =>
        prefix + separator + (upper ? key.Value.ToUpperInvariant() : key.Value);
}

public sealed class SampleCollection : IEnumerable<string>
{
    internal SampleCollection()
    {
    }

    IEnumerator<string> IEnumerable<string>.GetEnumerator() => Enumerable.Empty<string>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Enumerable.Empty<string>().GetEnumerator();
}

public class SampleResponse<T> where T : struct
{
    public T? Value { get; set; }

    public void Configure<TBuilder>(Func<TBuilder> factory) where TBuilder : notnull
    {
    }

    public TNew Create<TNew>() where TNew : new() => new();
}
