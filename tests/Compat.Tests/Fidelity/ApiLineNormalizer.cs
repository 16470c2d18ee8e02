using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Compat.Tests.Fidelity;

/// <summary>
/// Brings a listing line and a rendered line to one spelling before they are compared. It is applied to
/// both sides alike, so it can only hide differences, never invent them; what it hides is what reflection
/// cannot see or GenAPI writes inconsistently: inline attributes, the <c>new</c> modifier, the
/// <c>: base (...)</c> GenAPI gives constructors whose base class has no parameterless one, nullable
/// annotations on reference types (some listings have them, some do not), and spacing.
/// </summary>
internal sealed partial class ApiLineNormalizer
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    /// <param name="assemblies">Where to look up the types named in lines, to tell <c>int?</c> from <c>string?</c>.</param>
    public ApiLineNormalizer(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            foreach (var type in LoadableTypes(assembly).Where(type => type.IsVisible))
            {
                _types.TryAdd(LookupKey(type), type);
            }
        }
    }

    public ApiEntry Normalize(ApiEntry entry) => entry with { Line = Normalize(entry.Line) };

    public string Normalize(string line)
    {
        line = InlineAttribute().Replace(line, "");
        line = NewModifier().Replace(line, "");
        line = ConstructorInitializer().Replace(line, ") ");
        line = StripReferenceNullability(line);
        line = Comma().Replace(line, ", ");
        return Whitespace().Replace(line, " ").Trim();
    }

    /// <summary>The assembly and everything it references, loaded where possible: the types a listing names.</summary>
    public static IReadOnlyList<Assembly> WithReferences(Assembly root)
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name ?? assembly.FullName!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(reference => !seen.ContainsKey(reference.Name ?? "")))
            {
                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // A reference that is not deployed cannot name a type the listing needs resolved.
                }
            }
        }

        return seen.Values.ToList();
    }

    /// <summary>Drops each <c>?</c> that does not follow a value type: <c>int?</c> stays, <c>string?</c> goes.</summary>
    private string StripReferenceNullability(string line)
    {
        if (!line.Contains('?', StringComparison.Ordinal))
        {
            return line;
        }

        var result = new StringBuilder(line.Length);
        for (var index = 0; index < line.Length; index++)
        {
            if (line[index] != '?' || IsValueTypeBefore(line, index))
            {
                result.Append(line[index]);
            }
        }

        return result.ToString();
    }

    private bool IsValueTypeBefore(string line, int questionMark)
    {
        var end = questionMark - 1;
        var arity = 0;
        if (end < 0 || line[end] == ']')
        {
            return false;
        }

        if (line[end] == '>')
        {
            var depth = 0;
            arity = 1;
            for (; end >= 0; end--)
            {
                depth += line[end] switch { '>' => 1, '<' => -1, _ => 0 };
                if (depth == 1 && line[end] == ',')
                {
                    arity++;
                }

                if (depth == 0)
                {
                    break;
                }
            }

            if (end < 0)
            {
                return false;
            }

            end--;
        }

        var start = end;
        while (start >= 0 && (char.IsLetterOrDigit(line[start]) || line[start] is '_' or '.'))
        {
            start--;
        }

        var name = line[(start + 1)..(end + 1)];
        if (arity == 0 && CSharpNames.ValueTypeKeywords.Contains(name))
        {
            return true;
        }

        return _types.TryGetValue(arity == 0 ? name : $"{name}`{arity}", out var type) && type.IsValueType;
    }

    private static string LookupKey(Type type)
    {
        var name = ArityMarker().Replace(type.FullName ?? type.Name, "").Replace('+', '.');
        return type.IsGenericTypeDefinition ? $"{name}`{type.GetGenericArguments().Length}" : name;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }

    // [System.Runtime.CompilerServices.EnumeratorCancellationAttribute] and the like, before a parameter.
    [GeneratedRegex(@"\[(?:return:\s*)?[A-Za-z_][\w.]*Attribute(?:\((?:[^()]|\([^()]*\))*\))?\]\s*")]
    private static partial Regex InlineAttribute();

    // "new" as a modifier (hiding), not the new() constraint.
    [GeneratedRegex(@"(?<=^|\s)new\s+(?!\()")]
    private static partial Regex NewModifier();

    [GeneratedRegex(@"\)\s*:\s*(?:base|this)\s*\((?:[^()]|\([^()]*\))*\)\s*(?=\{)")]
    private static partial Regex ConstructorInitializer();

    [GeneratedRegex(@"\s*,\s*")]
    private static partial Regex Comma();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"`\d+")]
    private static partial Regex ArityMarker();
}
