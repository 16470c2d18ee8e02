using System.Globalization;
using System.Text;

namespace Compat.Tests.Fidelity;

/// <summary>Types and constants spelled as the api listings spell them.</summary>
internal static class CSharpNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(char)] = "char",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
    };

    /// <summary>The value-type keywords, which keep their <c>?</c> when nullability is normalized.</summary>
    public static IReadOnlySet<string> ValueTypeKeywords { get; } =
        Keywords.Where(pair => pair.Key.IsValueType && pair.Key != typeof(void)).Select(pair => pair.Value).Append("nint").Append("nuint").ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A type as written in a signature: keyword aliases, full namespaces, <c>T?</c> for <see cref="Nullable{T}"/>,
    /// and generic arguments separated by ", ".
    /// </summary>
    public static string TypeName(Type type)
    {
        if (type.IsByRef || type.IsPointer)
        {
            return TypeName(type.GetElementType()!) + (type.IsPointer ? "*" : "");
        }

        if (type.IsArray)
        {
            return $"{TypeName(type.GetElementType()!)}[{new string(',', type.GetArrayRank() - 1)}]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        return QualifiedName(type, type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes);
    }

    /// <summary>
    /// The name a declaration uses: no namespace or enclosing type, and the type's own generic parameters
    /// (a nested type's enclosing parameters belong to the enclosing declaration).
    /// </summary>
    public static string DeclaredName(Type type)
    {
        var own = OwnGenericArguments(type, type.GetGenericArguments());
        return own.Length == 0 ? StripArity(type.Name) : $"{StripArity(type.Name)}<{string.Join(", ", own.Select(TypeName))}>";
    }

    /// <summary>Namespace, enclosing types and the declared name: the scope its members are listed under.</summary>
    public static string ScopeName(Type type)
    {
        var enclosing = type.DeclaringType is { } declaring ? ScopeName(declaring) : type.Namespace ?? "";
        return ApiListingParser.Qualify(enclosing, DeclaredName(type));
    }

    public static string GenericParameterList(IReadOnlyCollection<Type> parameters) =>
        parameters.Count == 0 ? "" : $"<{string.Join(", ", parameters.Select(parameter => parameter.Name))}>";

    /// <summary>
    /// A parameter's default as GenAPI writes it: <c>null</c>, <c>default(T)</c> for value types, enum members by
    /// name, <c>(long)0</c> for integers other than int.
    /// </summary>
    public static string DefaultValue(Type type, object? value)
    {
        if (value is null or DBNull || value == Type.Missing)
        {
            return type.IsValueType ? $"default({TypeName(type)})" : "null";
        }

        var effective = Nullable.GetUnderlyingType(type) ?? type;
        if (effective.IsEnum)
        {
            var member = Enum.ToObject(effective, value);
            return Enum.GetName(effective, member) is { } name
                ? $"{TypeName(effective)}.{name}"
                : $"({TypeName(effective)}){Convert.ToString(Convert.ChangeType(member, Enum.GetUnderlyingType(effective), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}";
        }

        return Literal(value);
    }

    public static string Literal(object value) => value switch
    {
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        char character => $"'{Escape(character.ToString(), '\'')}'",
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => $"{number.ToString("R", CultureInfo.InvariantCulture)}f",
        decimal number => $"{number.ToString(CultureInfo.InvariantCulture)}m",
        IConvertible number when Keywords.TryGetValue(value.GetType(), out var keyword) =>
            $"({keyword}){number.ToString(CultureInfo.InvariantCulture)}",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static string QualifiedName(Type type, Type[] arguments)
    {
        var name = new StringBuilder();
        if (type.DeclaringType is { } declaring)
        {
            var inherited = declaring.IsGenericType ? declaring.GetGenericArguments().Length : 0;
            name.Append(QualifiedName(declaring, arguments[..Math.Min(inherited, arguments.Length)])).Append('.');
        }
        else if (!string.IsNullOrEmpty(type.Namespace))
        {
            name.Append(type.Namespace).Append('.');
        }

        name.Append(StripArity(type.Name));
        var own = OwnGenericArguments(type, arguments);
        if (own.Length > 0)
        {
            name.Append('<').AppendJoin(", ", own.Select(TypeName)).Append('>');
        }

        return name.ToString();
    }

    private static Type[] OwnGenericArguments(Type type, Type[] arguments)
    {
        var inherited = type.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments().Length : 0;
        return arguments.Length > inherited ? arguments[inherited..] : [];
    }

    private static string StripArity(string name)
    {
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string Quote(string text) => $"\"{Escape(text, '"')}\"";

    private static string Escape(string text, char quote)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            escaped.Append(character switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when character == quote => "\\" + quote,
                _ => character.ToString(),
            });
        }

        return escaped.ToString();
    }
}
