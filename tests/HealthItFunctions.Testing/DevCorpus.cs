namespace HealthItFunctions.Testing;

/// <summary>
/// The zh-news-dev corpus: third-party pages, so it stays outside the repository (../shared/corpus/zh-news-dev beside
/// the checkout, or wherever HEALTHIT_DEV_CORPUS points). The few tests that read it skip without it, naming the full
/// path they looked in; they take that path as their theory argument, because `dotnet test` prints skipped tests'
/// names (not their reasons) at its default verbosity.
/// </summary>
public static class DevCorpus
{
    public const string EnvironmentVariable = "HEALTHIT_DEV_CORPUS";

    public static string Directory => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } overridden
        ? Path.GetFullPath(overridden)
        : Path.Combine(RepositoryPaths.Shared, "corpus", "zh-news-dev");

    /// <summary>What a test says when it skips for want of the corpus: the full path it needs, and how to supply it.</summary>
    public static string SkipReason =>
        $"needs the dev corpus at {Directory} (not in the repository: third-party pages); put it there or set {EnvironmentVariable}.";
}
