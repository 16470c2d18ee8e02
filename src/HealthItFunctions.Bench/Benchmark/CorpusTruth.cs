using System.Text.Json;

namespace HealthItFunctions.Cli.Benchmark;

/// <summary>One truth/&lt;id&gt;.json of the corpus. Only fields named in truth_fields are truth; a null there means "absent".</summary>
internal sealed record CorpusTruth(
    string Id,
    string? Url,
    IReadOnlySet<string> Fields,
    string? Title,
    string? PublishTime,
    string? Author,
    string? Source,
    string? Content,
    IReadOnlyList<string> MustContain,
    IReadOnlyList<string> MustNotContain)
{
    public bool Has(string field) => Fields.Contains(field);

    public static CorpusTruth Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        return new CorpusTruth(
            String(root, "id") ?? Path.GetFileNameWithoutExtension(path),
            String(root, "url"),
            Strings(root, "truth_fields").ToHashSet(StringComparer.Ordinal),
            String(root, "title"),
            String(root, "publish_time"),
            String(root, "author"),
            String(root, "source"),
            String(root, "content"),
            Strings(root, "content_must_contain"),
            Strings(root, "content_must_not_contain"));
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}
