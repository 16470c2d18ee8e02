using System.Reflection;
using System.Text;

namespace Compat.Tests.Fidelity;

/// <summary>A compat assembly's rendered surface set against its listing.</summary>
internal sealed class ApiComparison
{
    private ApiComparison(string assemblyName, IReadOnlyList<ApiEntry> rendered, IReadOnlyList<ApiEntry> listed)
    {
        AssemblyName = assemblyName;
        Rendered = rendered;
        var listedSet = listed.ToHashSet();
        var renderedSet = rendered.ToHashSet();
        Extra = rendered.Where(entry => !listedSet.Contains(entry)).Distinct().Order(EntryOrder.Instance).ToList();
        Missing = listed.Where(entry => !renderedSet.Contains(entry)).Distinct().Order(EntryOrder.Instance).ToList();
    }

    public string AssemblyName { get; }

    /// <summary>The compat surface, normalized.</summary>
    public IReadOnlyList<ApiEntry> Rendered { get; }

    /// <summary>In the compat assembly, not in the listing: invented, or spelled differently from the official API.</summary>
    public IReadOnlyList<ApiEntry> Extra { get; }

    /// <summary>In the listing, not in the compat assembly.</summary>
    public IReadOnlyList<ApiEntry> Missing { get; }

    public bool IsExact => Extra.Count == 0 && Missing.Count == 0;

    public static ApiComparison Compare(Assembly assembly, string listingPath) =>
        Compare(
            assembly.GetName().Name!,
            ApiSurfaceRenderer.Render(assembly),
            ApiListingParser.Parse(File.ReadLines(listingPath)),
            new ApiLineNormalizer(ApiLineNormalizer.WithReferences(assembly)));

    public static ApiComparison Compare(string assemblyName, IEnumerable<ApiEntry> rendered, IEnumerable<ApiEntry> listed, ApiLineNormalizer normalizer) =>
        new(
            assemblyName,
            rendered.Select(normalizer.Normalize).Order(EntryOrder.Instance).ToList(),
            listed.Select(normalizer.Normalize).ToList());

    public string Report()
    {
        var report = new StringBuilder()
            .AppendLine($"{AssemblyName}: {Extra.Count} extra, {Missing.Count} missing (of {Rendered.Count} rendered).");
        Append(report, "extra (in compat, not in the listing)", Extra);
        Append(report, "missing (in the listing, not in compat)", Missing);
        return report.ToString();
    }

    private static void Append(StringBuilder report, string heading, IReadOnlyList<ApiEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        report.AppendLine($"  {heading}:");
        foreach (var group in entries.GroupBy(entry => entry.Scope))
        {
            report.AppendLine($"    in {(group.Key.Length == 0 ? "(global)" : group.Key)}:");
            foreach (var entry in group)
            {
                report.AppendLine($"      {entry.Line}");
            }
        }
    }

    private sealed class EntryOrder : IComparer<ApiEntry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(ApiEntry? x, ApiEntry? y) =>
            (x, y) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                _ => StringComparer.Ordinal.Compare(x.Scope, y.Scope) is var byScope and not 0
                    ? byScope
                    : StringComparer.Ordinal.Compare(x.Line, y.Line),
            };
    }
}
