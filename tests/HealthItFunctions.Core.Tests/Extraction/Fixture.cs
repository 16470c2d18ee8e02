using System.Runtime.CompilerServices;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>Hand-written HTML fixtures (Extraction/Fixtures) and the repository's seeds catalog.</summary>
internal static class Fixture
{
    /// <summary>A fixed fetch time, so relative dates in fixtures resolve the same on every run.</summary>
    public static readonly DateTimeOffset FetchedAt = new(2021, 9, 2, 12, 0, 0, TimeSpan.FromHours(8));

    public static string Read(string name) => File.ReadAllText(Locate(Path.Combine("Extraction", "Fixtures", name)));

    public static SourceCatalog SeedsCatalog() => SourceCatalog.Load(Locate(Path.Combine("seeds", "sources.json")));

    public static ArticleExtractor Extractor(SourceCatalog? catalog = null) =>
        new(catalog ?? SeedsCatalog(), new FixedTimeProvider(FetchedAt));

    /// <summary>Fixtures are copied to the output; when run from the source tree they are found by walking up, as the seeds are.</summary>
    private static string Locate(string relative, [CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                var nested = Path.Combine(directory.FullName, "tests", "HealthItFunctions.Core.Tests", relative);
                if (File.Exists(nested))
                {
                    return nested;
                }
            }
        }

        throw new FileNotFoundException($"Test file '{relative}' not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Hand-written fake for the framework's clock.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("Beijing", now.Offset, "Beijing", "Beijing");
}
