using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace Azure.Data.Tables;

/// <summary>
/// How a custom entity type maps to table properties: its public instance properties, renamed by
/// <see cref="DataMemberAttribute.Name"/> and skipped with <see cref="IgnoreDataMemberAttribute"/>.
/// The key, ETag and Timestamp go through <see cref="ITableEntity"/>, so explicit implementations work too.
/// </summary>
internal sealed class EntityShape
{
    private static readonly ConcurrentDictionary<Type, EntityShape> Shapes = new();

    private readonly Type _type;
    private readonly (string Name, PropertyInfo Property)[] _properties;

    private EntityShape(Type type)
    {
        _type = type;
        _properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0
                && property.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag))
                && !property.IsDefined(typeof(IgnoreDataMemberAttribute)))
            .Select(property => (StoredName(property), property))
            .ToArray();
    }

    public static EntityShape For(Type type) => Shapes.GetOrAdd(type, static type => new EntityShape(type));

    public IEnumerable<KeyValuePair<string, object?>> GetWritableValues(ITableEntity entity)
    {
        yield return new(EntityJson.PartitionKey, entity.PartitionKey);
        yield return new(EntityJson.RowKey, entity.RowKey);
        foreach ((string name, PropertyInfo property) in _properties)
        {
            if (property.GetMethod is { IsPublic: true })
            {
                yield return new(name, property.GetValue(entity));
            }
        }
    }

    public T Create<T>(IReadOnlyDictionary<string, object?> values)
        where T : class, ITableEntity
    {
        T entity;
        try
        {
            entity = (T)Activator.CreateInstance(_type)!;
        }
        catch (MissingMethodException exception)
        {
            throw new InvalidOperationException($"Entity type {_type} needs a public parameterless constructor to be read from a table.", exception);
        }

        entity.PartitionKey = values.GetValueOrDefault(EntityJson.PartitionKey) as string;
        entity.RowKey = values.GetValueOrDefault(EntityJson.RowKey) as string;
        entity.Timestamp = values.GetValueOrDefault(EntityJson.Timestamp) as DateTimeOffset?;
        if (values.GetValueOrDefault(EntityJson.ETag) is string etag)
        {
            entity.ETag = new ETag(etag);
        }

        foreach ((string name, PropertyInfo property) in _properties)
        {
            if (property.SetMethod is { IsPublic: true }
                && values.TryGetValue(name, out object? value)
                && value is not null
                && Convert(name, value, property.PropertyType) is { } converted)
            {
                property.SetValue(entity, converted);
            }
        }

        return entity;
    }

    private static string StoredName(PropertyInfo property) =>
        property.GetCustomAttribute<DataMemberAttribute>() is { IsNameSetExplicitly: true, Name: { } name } ? name : property.Name;

    /// <summary>
    /// Converts a stored value to a property's type. Returns null, leaving the property at its default, for a stored
    /// name that the property's enum type does not define.
    /// </summary>
    private static object? Convert(string name, object value, Type propertyType)
    {
        Type target = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        return (value, target) switch
        {
            (int number, _) when target == typeof(long) => (long)number,
            (int or long, _) when target == typeof(double) => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            (long number, _) when target == typeof(int) && number is >= int.MinValue and <= int.MaxValue => (int)number,
            (DateTimeOffset moment, _) when target == typeof(DateTime) => moment.UtcDateTime,
            (DateTime moment, _) when target == typeof(DateTimeOffset) => new DateTimeOffset(moment),
            (DateTimeOffset moment, _) when target == typeof(string) => moment.ToString("o", CultureInfo.InvariantCulture),
            (byte[] bytes, _) when target == typeof(BinaryData) => new BinaryData(bytes),
            (string text, _) when target == typeof(Guid) && Guid.TryParse(text, out Guid guid) => guid,
            (string text, _) when target.IsEnum => Enum.TryParse(target, text, ignoreCase: false, out object? member) ? member : null,
            _ => throw new InvalidOperationException(
                $"Cannot set property '{name}' of type {propertyType} from the stored {value.GetType()} value."),
        };
    }
}
