using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Azure.Data.Tables;

/// <summary>
/// The Table service's JSON entity format: values JSON can't type on its own (Int64, Double, DateTime, Guid,
/// Binary) carry a <c>Name@odata.type</c> annotation; Int64 travels as a string so it survives JSON readers.
/// </summary>
internal static class EntityJson
{
    internal const string PartitionKey = "PartitionKey";
    internal const string RowKey = "RowKey";
    internal const string Timestamp = "Timestamp";
    internal const string ETag = "odata.etag";

    private const string TypeAnnotationSuffix = "@odata.type";
    private const string EdmInt64 = "Edm.Int64";
    private const string EdmDouble = "Edm.Double";
    private const string EdmDateTime = "Edm.DateTime";
    private const string EdmGuid = "Edm.Guid";
    private const string EdmBinary = "Edm.Binary";

    public static byte[] Serialize(ITableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach ((string name, object? value) in GetWritableProperties(entity))
            {
                if (value is not null)
                {
                    WriteProperty(writer, name, value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static T Deserialize<T>(JsonElement json)
        where T : class, ITableEntity
    {
        Dictionary<string, object?> values = ReadValues(json);
        return typeof(T).IsAssignableFrom(typeof(TableEntity))
            ? (T)(ITableEntity)new TableEntity(values)
            : EntityShape.For(typeof(T)).Create<T>(values);
    }

    // The service sets Timestamp and the ETag itself; sending them back would only be ignored or rejected.
    private static IEnumerable<KeyValuePair<string, object?>> GetWritableProperties(ITableEntity entity) =>
        entity is TableEntity dynamicEntity
            ? dynamicEntity.Where(property => property.Key is not (Timestamp or ETag))
            : EntityShape.For(entity.GetType()).GetWritableValues(entity);

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case int number:
                writer.WriteNumber(name, number);
                break;
            case long number:
                writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                WriteType(writer, name, EdmInt64);
                break;
            case double number:
                // JSON has no NaN or infinities; the service takes them as the strings "NaN", "Infinity", "-Infinity".
                if (double.IsFinite(number))
                {
                    writer.WriteNumber(name, number);
                }
                else
                {
                    writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                }

                WriteType(writer, name, EdmDouble);
                break;
            case DateTimeOffset moment:
                WriteDateTime(writer, name, moment.UtcDateTime);
                break;
            case DateTime moment:
                // An unspecified kind is taken as UTC, as the service would take an offset-less value.
                WriteDateTime(writer, name, moment.Kind == DateTimeKind.Local ? moment.ToUniversalTime() : moment);
                break;
            case Guid guid:
                writer.WriteString(name, guid.ToString("D"));
                WriteType(writer, name, EdmGuid);
                break;
            case byte[] bytes:
                writer.WriteBase64String(name, bytes);
                WriteType(writer, name, EdmBinary);
                break;
            case BinaryData data:
                writer.WriteBase64String(name, data.ToMemory().Span);
                WriteType(writer, name, EdmBinary);
                break;
            case Enum member:
                writer.WriteString(name, member.ToString());
                break;
            default:
                throw new NotSupportedException(
                    $"Property '{name}' is of type {value.GetType()}, which Table storage cannot hold. Supported types: string, int, long, "
                    + "double, bool, DateTime, DateTimeOffset, Guid, byte[], BinaryData, and enums (stored as their names).");
        }
    }

    private static void WriteDateTime(Utf8JsonWriter writer, string name, DateTime utc)
    {
        writer.WriteString(name, utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        WriteType(writer, name, EdmDateTime);
    }

    private static void WriteType(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + TypeAnnotationSuffix, edmType);

    private static Dictionary<string, object?> ReadValues(JsonElement json)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty property in json.EnumerateObject())
        {
            string name = property.Name;
            // Type annotations are read with their property; other OData metadata (odata.metadata, …) is not entity data.
            if (name.EndsWith(TypeAnnotationSuffix, StringComparison.Ordinal)
                || (name.StartsWith("odata.", StringComparison.Ordinal) && name != ETag))
            {
                continue;
            }

            // The service leaves Timestamp unannotated: as a system property its type is known.
            string? edmType = json.TryGetProperty(name + TypeAnnotationSuffix, out JsonElement annotation) ? annotation.GetString()
                : name == Timestamp ? EdmDateTime
                : null;
            values[name] = ReadValue(name, property.Value, edmType);
        }

        return values;
    }

    private static object? ReadValue(string name, JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return edmType switch
            {
                EdmInt64 => value.ValueKind == JsonValueKind.String
                    ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : value.GetInt64(),
                EdmDouble => value.ValueKind == JsonValueKind.String
                    ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : value.GetDouble(),
                EdmDateTime => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                EdmGuid => Guid.Parse(value.GetString()!),
                EdmBinary => value.GetBytesFromBase64(),
                _ => ReadUntyped(name, value),
            };
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidOperationException($"Property '{name}' does not hold a valid {edmType ?? value.ValueKind.ToString()} value.", exception);
        }
    }

    // Without an annotation the JSON type decides: whole numbers in range are Edm.Int32, other numbers Edm.Double.
    private static object ReadUntyped(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt32(out int number) => number,
        JsonValueKind.Number => value.GetDouble(),
        _ => throw new NotSupportedException($"Property '{name}' holds a JSON {value.ValueKind}, which is not a Table storage value."),
    };
}
