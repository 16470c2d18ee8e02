namespace HealthItFunctions.Local;

/// <summary>Finds the checkout the CLI runs from (it holds package.json and seeds/; node_modules only after `npm ci`), from the cwd and then from the binaries.</summary>
public static class RepositoryLayout
{
    public static string? FindRoot() => FindUpwards(Environment.CurrentDirectory) ?? FindUpwards(AppContext.BaseDirectory);

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")) && Directory.Exists(Path.Combine(directory.FullName, "seeds")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
