using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Compat.Tests.Tables;

public enum Severity
{
    Low,
    High,
}

/// <summary>A custom entity with a property of every type Table storage holds, plain and nullable.</summary>
public sealed class AllTypesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Text { get; set; }

    public int Int32 { get; set; }

    public long Int64 { get; set; }

    public double Double { get; set; }

    public bool Flag { get; set; }

    public DateTimeOffset Moment { get; set; }

    public DateTime UtcDateTime { get; set; }

    public Guid Id { get; set; }

    public byte[]? Bytes { get; set; }

    public Severity Level { get; set; }

    public int? NullableInt32 { get; set; }

    public long? NullableInt64 { get; set; }

    public double? NullableDouble { get; set; }

    public bool? NullableFlag { get; set; }

    public DateTimeOffset? NullableMoment { get; set; }

    public DateTime? NullableDateTime { get; set; }

    public Guid? NullableId { get; set; }

    [DataMember(Name = "renamed_column")]
    public string? Renamed { get; set; }

    [IgnoreDataMember]
    public string? NotStored { get; set; }
}

/// <summary>A small custom entity for tests that care about behavior, not types.</summary>
public sealed class NoteEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Text { get; set; }

    public int Version { get; set; }
}
