namespace HealthItFunctions.Testing;

/// <summary>Locates the repository and the shared data beside it, independent of the test's working directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>
    /// The shared folder beside the checkout (the dev corpus; the reference bulletins live in seeds/bulletins). A git worktree nested one level deeper
    /// (e.g. wt/&lt;branch&gt;) finds the same folder further up; the nearest one wins.
    /// </summary>
    public static string Shared => LazyShared.Value;

    private static readonly Lazy<string> LazyShared = new(FindShared);

    private static string FindShared()
    {
        var besideCheckout = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return besideCheckout;
    }

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
