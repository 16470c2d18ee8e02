using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Polling;

/// <summary>
/// The sources in force now. In the app and the CLI this is the blob config/sources.json (reloaded when it changes,
/// falling back to the shipped seeds file); <see cref="FileSourceCatalog"/> is the file alone.
/// </summary>
public interface ISourceCatalog
{
    SourceCatalog Current { get; }

    SourceDefinition? Find(string sourceId) => Current.Sources.FirstOrDefault(s => s.Id == sourceId);

    /// <summary>Every enabled source with something to poll. Each PollSchedule tick polls them all; conditional GET keeps that cheap.</summary>
    IReadOnlyList<SourceDefinition> Due(DateTimeOffset now) => Current.Sources.Where(s => s.IsPollable).ToList();

    /// <summary>Picks up an edited catalog if one is due to be checked; cheap to call before every poll.</summary>
    ValueTask RefreshAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Which catalog is in force and where it came from, and the last edit refused, for operators.</summary>
    SourceCatalogStatus Status => new("the catalog file loaded at start-up", Current.Sources.Count, null, null);
}

/// <param name="Origin">How an operator names it: "blob config/sources.json" or a path.</param>
/// <param name="LastRefusal">Why the last edited catalog was refused (the previous one stays in force), if it was.</param>
public sealed record SourceCatalogStatus(string Origin, int Sources, DateTimeOffset? LoadedAt, string? LastRefusal);

/// <summary>The catalog loaded once at start-up from seeds/sources.json.</summary>
public sealed class FileSourceCatalog(SourceCatalog catalog) : ISourceCatalog
{
    public SourceCatalog Current => catalog;
}
