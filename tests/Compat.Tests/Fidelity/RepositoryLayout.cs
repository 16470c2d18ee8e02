using System.Text.RegularExpressions;

namespace Compat.Tests.Fidelity;

/// <summary>Where the compat projects and their api listings live, found from the test's output folder.</summary>
internal static partial class RepositoryLayout
{
    private const string SolutionFileName = "HealthItFunctions.sln";

    private static readonly Lazy<string> Root = new(FindRoot);

    public static string CompatDirectory => Path.Combine(Root.Value, "compat");

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

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameProperty();
}
