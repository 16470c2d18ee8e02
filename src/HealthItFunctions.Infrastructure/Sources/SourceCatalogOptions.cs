namespace HealthItFunctions.Infrastructure.Sources;

/// <summary>Where the live source catalog is kept and how often a change is looked for.</summary>
public sealed class SourceCatalogOptions
{
    public const string Section = "Sources";

    public string Container { get; set; } = "config";

    public string BlobName { get; set; } = "sources.json";

    /// <summary>At most one look at the blob's ETag per interval (a conditional GET: one storage transaction).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(60);
}
