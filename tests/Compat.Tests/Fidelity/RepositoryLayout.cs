using System.Text.RegularExpressions;
using HealthItFunctions.Testing;

namespace Compat.Tests.Fidelity;

/// <summary>Where the compat projects and their api listings live, found from the test's output folder.</summary>
internal static partial class RepositoryLayout
{
    public static string CompatDirectory => Path.Combine(RepositoryPaths.Root, "compat");

    public static string ApiDirectory => Path.Combine(CompatDirectory, "api");

    /// <summary>Assembly names of the listings present, one per <c>compat/api/*.txt</c>.</summary>
    public static IReadOnlyList<string> ListedAssemblyNames() =>
        Directory.Exists(ApiDirectory)
            ? Directory.GetFiles(ApiDirectory, "*.txt")
                .Select(path => Path.GetFileNameWithoutExtension(path))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public static string ListingPath(string assemblyName) => Path.Combine(ApiDirectory, assemblyName + ".txt");

    /// <summary>Assembly names of the compat projects: the csproj's AssemblyName, else its file name.</summary>
    public static IReadOnlyList<string> CompatAssemblyNames() =>
        Directory.GetFiles(CompatDirectory, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(AssemblyNameOf)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string AssemblyNameOf(string projectPath)
    {
        var match = AssemblyNameProperty().Match(File.ReadAllText(projectPath));
        return match.Success ? match.Groups[1].Value.Trim() : Path.GetFileNameWithoutExtension(projectPath);
    }

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameProperty();
}
