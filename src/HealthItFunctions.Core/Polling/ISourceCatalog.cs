using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Polling;

/// <summary>The sources in force now. The file today; a reloadable blob once operators edit it live.</summary>
public interface ISourceCatalog
{
    SourceCatalog Current { get; }

    SourceDefinition? Find(string sourceId) => Current.Sources.FirstOrDefault(s => s.Id == sourceId);

    /// <summary>Every enabled source with something to poll. Each PollSchedule tick polls them all; conditional GET keeps that cheap.</summary>
    IReadOnlyList<SourceDefinition> Due(DateTimeOffset now) => Current.Sources.Where(s => s.IsPollable).ToList();
}

/// <summary>The catalog loaded once at start-up from seeds/sources.json.</summary>
public sealed class FileSourceCatalog(SourceCatalog catalog) : ISourceCatalog
{
    public SourceCatalog Current => catalog;
}
