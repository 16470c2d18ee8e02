namespace HealthItFunctions.Core.Sources;

/// <summary>The source-state table: validators, fetch records and health, one record per source.</summary>
public interface ISourceStateStore
{
    /// <summary>The stored state, or <see cref="SourceState.New"/> for a source never polled.</summary>
    Task<SourceState> GetAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>Saves under <see cref="SourceState.ETag"/>; false when another poll of the source saved first.</summary>
    Task<bool> TrySaveAsync(SourceState state, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Forgets a source's state (validators included); the next poll fetches every list page in full.</summary>
    Task DeleteAsync(string sourceId, CancellationToken cancellationToken);
}
