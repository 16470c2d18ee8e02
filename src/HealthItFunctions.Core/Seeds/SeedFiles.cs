namespace HealthItFunctions.Core.Seeds;

/// <summary>
/// Finds the operator-edited data files under seeds/ (sources.json, lexicon.json). The CLI runs from the repository or
/// from bin/, and the Functions host from its output folder, so the file is found by walking up, as git finds .git:
/// first from the working directory, then from the binaries.
/// </summary>
public static class SeedFiles
{
    /// <summary>The configured path when set, else the nearest <c>seeds/&lt;fileName&gt;</c> above the cwd or the app directory.</summary>
    public static string? Locate(string fileName, string? configuredPath = null) =>
        configuredPath ?? FindUpwards(fileName, Environment.CurrentDirectory) ?? FindUpwards(fileName, AppContext.BaseDirectory);

    public static string? FindUpwards(string fileName, string start)
    {
        var relative = Path.Combine("seeds", fileName);
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
