// Like the official type this one is nullable-oblivious: its dictionary returns null for missing keys and
// holds null values, which IDictionary<string, object> cannot express with annotations.
#nullable disable

using System.Collections;
using System.Globalization;

namespace Azure.Data.Tables;

/// <summary>
/// An entity as a dictionary of property names to values. The key, <see cref="ETag"/> (as "odata.etag") and
/// <see cref="Timestamp"/> live in the same dictionary, as they do in the service's JSON.
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object>
{
    private readonly Dictionary<string, object> _properties;

    /// <summary>Creates an empty entity.</summary>
    public TableEntity()
        : this((IDictionary<string, object>)null)
    {
    }

    /// <summary>Creates an entity holding a copy of <paramref name="values"/>.</summary>
    public TableEntity(IDictionary<string, object> values)
    {
        _properties = values is null ? new Dictionary<string, object>() : new Dictionary<string, object>(values);
    }

    /// <summary>Creates an entity with the given key.</summary>
    public TableEntity(string partitionKey, string rowKey)
        : this((IDictionary<string, object>)null)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The number of properties, the key and system properties included.</summary>
    public int Count => _properties.Count;

    /// <inheritdoc/>
    public ETag ETag
    {
        get => new(GetString(EntityJson.ETag));
        set => _properties[EntityJson.ETag] = value.ToString();
    }

    /// <summary>The property's value, or null when the entity has no such property.</summary>
    /// <remarks>A property keeps its type when set, except that an int may widen to long or double.</remarks>
    public object this[string key]
    {
        get => GetValue(key);
        set => SetValue(key, value);
    }

    /// <summary>The property names.</summary>
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc/>
    public string PartitionKey
    {
        get => GetString(EntityJson.PartitionKey);
        set => _properties[EntityJson.PartitionKey] = value;
    }

    /// <inheritdoc/>
    public string RowKey
    {
        get => GetString(EntityJson.RowKey);
        set => _properties[EntityJson.RowKey] = value;
    }

    bool ICollection<KeyValuePair<string, object>>.IsReadOnly => false;

    ICollection<object> IDictionary<string, object>.Values => _properties.Values;

    /// <inheritdoc/>
    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(EntityJson.Timestamp);
        set => _properties[EntityJson.Timestamp] = value;
    }

    /// <summary>Adds a property; throws if it exists.</summary>
    public void Add(string key, object value) => _properties.Add(key, value);

    /// <summary>Removes every property, the key included.</summary>
    public void Clear() => _properties.Clear();

    /// <summary>Whether the entity has the property.</summary>
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <summary>A binary property's value, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public byte[] GetBinary(string key) => GetValue(key) switch
    {
        BinaryData data => data.ToArray(),
        var value => Cast<byte[]>(key, value),
    };

    /// <summary>A binary property's value, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public BinaryData GetBinaryData(string key) => GetValue(key) switch
    {
        byte[] bytes => new BinaryData(bytes),
        var value => Cast<BinaryData>(key, value),
    };

    /// <summary>A Boolean property's value, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public bool? GetBoolean(string key) => Cast<bool?>(key, GetValue(key));

    /// <summary>A date-time property's value, in UTC, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public DateTime? GetDateTime(string key) => GetValue(key) switch
    {
        DateTimeOffset moment => moment.UtcDateTime,
        var value => Cast<DateTime?>(key, value),
    };

    /// <summary>A date-time property's value, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public DateTimeOffset? GetDateTimeOffset(string key) => GetValue(key) switch
    {
        DateTime moment => new DateTimeOffset(moment),
        var value => Cast<DateTimeOffset?>(key, value),
    };

    /// <summary>A double property's value, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public double? GetDouble(string key) => Cast<double?>(key, GetValue(key));

    /// <summary>A GUID property's value, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public Guid? GetGuid(string key) => Cast<Guid?>(key, GetValue(key));

    /// <summary>A 32-bit integer property's value, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public int? GetInt32(string key) => Cast<int?>(key, GetValue(key));

    /// <summary>A 64-bit integer property's value, or null.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public long? GetInt64(string key) => Cast<long?>(key, GetValue(key));

    /// <summary>A string property's value, or null. Date-time values are returned in round-trip ("o") format.</summary>
    /// <exception cref="InvalidOperationException">The property is of another type.</exception>
    public string GetString(string key) => GetValue(key) switch
    {
        DateTimeOffset moment => moment.ToString("o", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("o", CultureInfo.InvariantCulture),
        var value => Cast<string>(key, value),
    };

    /// <summary>Removes a property.</summary>
    public bool Remove(string key) => _properties.Remove(key);

    void ICollection<KeyValuePair<string, object>>.Add(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).Add(item);

    bool ICollection<KeyValuePair<string, object>>.Contains(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object>>.CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object>>.Remove(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).Remove(item);

    IEnumerator<KeyValuePair<string, object>> IEnumerable<KeyValuePair<string, object>>.GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _properties.GetEnumerator();

    /// <summary>Gets a property's value; false when the entity has no such property.</summary>
    public bool TryGetValue(string key, out object value) => _properties.TryGetValue(key, out value);

    private object GetValue(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _properties.GetValueOrDefault(key);
    }

    private void SetValue(string key, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        object existing = _properties.GetValueOrDefault(key);
        _properties[key] = (existing, value) switch
        {
            (null, _) or (_, null) => value,
            _ when existing.GetType().IsInstanceOfType(value) => value,
            // Numbers widen: an int property may become a long or double, and a long or double property stays one.
            (int, long or double) => value,
            (long, int number) => (long)number,
            (double, int number) => (double)number,
            // As in the official client: a property keeps its type, so a typo cannot silently change a column's type.
            _ => throw new InvalidOperationException(
                $"Property '{key}' holds a {existing.GetType()}; a {value.GetType()} cannot replace it. Remove the property first."),
        };
    }

    private static T Cast<T>(string key, object value) => value switch
    {
        null => default,
        T typed => typed,
        _ => throw new InvalidOperationException(
            $"Property '{key}' holds a {value.GetType()}, which cannot be read as {Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)}."),
    };
}
