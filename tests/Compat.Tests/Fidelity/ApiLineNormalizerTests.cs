namespace Compat.Tests.Fidelity;

public sealed class ApiLineNormalizerTests
{
    private static readonly ApiLineNormalizer Normalizer = new([typeof(object).Assembly, typeof(ApiLineNormalizerTests).Assembly]);

    [Theory]
    [InlineData("public string? Name { get { throw null; } }", "public string Name { get { throw null; } }")]
    [InlineData("public System.Uri? Find(string[]? keys) { throw null; }", "public System.Uri Find(string[] keys) { throw null; }")]
    [InlineData("public int? Count(T? value, int? max = default(int?)) { throw null; }", "public int? Count(T value, int? max = default(int?)) { throw null; }")]
    [InlineData("public System.DateTimeOffset? At { get { throw null; } }", "public System.DateTimeOffset? At { get { throw null; } }")]
    [InlineData("public System.Collections.Generic.KeyValuePair<string, object>? Pair;", "public System.Collections.Generic.KeyValuePair<string, object>? Pair;")]
    [InlineData("public System.Collections.Generic.IList<string?>? Names;", "public System.Collections.Generic.IList<string> Names;")]
    [InlineData("public System.Collections.Generic.IAsyncEnumerable<T> Read([System.Runtime.CompilerServices.EnumeratorCancellationAttribute] System.Threading.CancellationToken token) { throw null; }", "public System.Collections.Generic.IAsyncEnumerable<T> Read(System.Threading.CancellationToken token) { throw null; }")]
    [InlineData("public new string Name { get { throw null; } }", "public string Name { get { throw null; } }")]
    [InlineData("public T Create<T>() where T : new() { throw null; }", "public T Create<T>() where T : new() { throw null; }")]
    [InlineData("public Failure(Azure.RequestFailedException inner) : base (default(string)) { }", "public Failure(Azure.RequestFailedException inner) { }")]
    [InlineData("public Failure(string message, int code) : this (message, (long)code, default(System.Exception)) { }", "public Failure(string message, int code) { }")]
    [InlineData("bool  ICollection<KeyValuePair<System.String,System.Object>>.IsReadOnly", "bool ICollection<KeyValuePair<System.String, System.Object>>.IsReadOnly")]
    public void Normalize_ListingLine_DropsWhatReflectionCannotSee(string line, string expected)
    {
        Assert.Equal(expected, Normalizer.Normalize(line));
    }
}
