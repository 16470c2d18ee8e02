using System.Reflection;

namespace Compat.Tests.Fidelity;

/// <summary>
/// Holds each compat assembly to the official API it stands in for: its public surface, rendered in the
/// api-listing format, must equal the lines of <c>compat/api/&lt;AssemblyName&gt;.txt</c>, which are copied
/// from the official listings (or, for the worker packages, which publish none, written from their sources).
/// </summary>
public sealed class ApiFidelityTests(ITestOutputHelper output)
{
    public static TheoryData<string> ListedAssemblies() => new(RepositoryLayout.ListedAssemblyNames());

    [Theory]
    [MemberData(nameof(ListedAssemblies))]
    public void CompatAssembly_ComparedWithItsListing_MatchesExactly(string assemblyName)
    {
        var comparison = ApiComparison.Compare(LoadCompatAssembly(assemblyName), RepositoryLayout.ListingPath(assemblyName));

        output.WriteLine(comparison.Report());
        Assert.True(comparison.Rendered.Count > 0, $"{assemblyName} has no public surface: the comparison would be vacuous.");
        Assert.True(comparison.IsExact, comparison.Report());
    }

    [Fact]
    public void ListingFiles_ForEveryCompatProject_Exist()
    {
        var unlisted = RepositoryLayout.CompatAssemblyNames()
            .Where(name => !File.Exists(RepositoryLayout.ListingPath(name)))
            .ToList();

        Assert.True(unlisted.Count == 0, $"No listing in {RepositoryLayout.ApiDirectory} for: {string.Join(", ", unlisted)}");
    }

    [Fact]
    public void CompatAssemblies_Rendered_PrintsEveryMirroredMember()
    {
        var printed = 0;
        foreach (var assemblyName in RepositoryLayout.ListedAssemblyNames())
        {
            if (TryLoad(assemblyName) is not { } assembly)
            {
                output.WriteLine($"{assemblyName}: not deployed with Compat.Tests, nothing to print.");
                continue;
            }

            var comparison = ApiComparison.Compare(assembly, RepositoryLayout.ListingPath(assemblyName));
            var extra = comparison.Extra.ToHashSet();
            output.WriteLine($"{assemblyName} ({comparison.Rendered.Count} members; '+' = not in the listing)");
            foreach (var group in comparison.Rendered.GroupBy(entry => entry.Scope))
            {
                output.WriteLine($"  {group.Key}");
                foreach (var entry in group)
                {
                    output.WriteLine($"    {(extra.Contains(entry) ? '+' : ' ')} {entry.Line}");
                    printed++;
                }
            }
        }

        Assert.True(printed > 0, "No compat assembly with a listing could be loaded.");
    }

    private static Assembly LoadCompatAssembly(string assemblyName) =>
        TryLoad(assemblyName) ?? throw new InvalidOperationException(
            $"{assemblyName} is not deployed with Compat.Tests: reference its project from the compat branch of Directory.Build.targets.");

    private static Assembly? TryLoad(string assemblyName)
    {
        try
        {
            return Assembly.Load(new AssemblyName(assemblyName));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
