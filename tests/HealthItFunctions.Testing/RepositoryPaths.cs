namespace HealthItFunctions.Testing;

/// <summary>Locates the repository and the shared data beside it, independent of the test's working directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>The shared folder that sits beside the checkout (corpus, reference bulletins).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthItFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"HealthItFunctions.sln not found above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
