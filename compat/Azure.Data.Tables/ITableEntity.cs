// The official package is compiled without nullable annotations; keeping this interface oblivious lets
// product entity types declare their keys as string or string? without warnings under either package.
#nullable disable

namespace Azure.Data.Tables;

/// <summary>An entity stored in a table: its key, and the service-maintained ETag and Timestamp.</summary>
public interface ITableEntity
{
    /// <summary>The partition key.</summary>
    string PartitionKey { get; set; }

    /// <summary>The row key, unique within the partition.</summary>
    string RowKey { get; set; }

    /// <summary>When the service last modified the entity; ignored on writes.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's ETag, used for optimistic concurrency.</summary>
    ETag ETag { get; set; }
}
