using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthItFunctions.Core.Extraction.Lexicon;

/// <summary>A lexicon file that was refused, with where the problem is: the file, the line, the field.</summary>
public sealed class ExtractionLexiconException(string origin, int? line, string? field, string problem)
    : Exception($"{origin}{(line is { } l ? $" line {l}" : "")}{(field is { } f ? $", field {f}" : "")}: {problem}")
{
    public string Origin { get; } = origin;

    public int? Line { get; } = line;

    public string? Field { get; } = field;

    public string Problem { get; } = problem;
}

/// <summary>
/// Reads and validates an extraction lexicon: the JSON shape (no unknown or missing field), then every list non-empty
/// and every entry a trimmed, non-blank, unrepeated word. Every refusal names the file, the line and the field.
/// </summary>
public static class ExtractionLexiconLoader
{
    public const string FileName = "extraction-lexicon.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="ExtractionLexiconException">The file is missing or not a usable lexicon.</exception>
    public static ExtractionLexicon Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExtractionLexiconException(path, null, null, e.Message);
        }

        return Parse(json, path);
    }

    /// <param name="origin">How an operator names the file: "blob config/extraction-lexicon.json" or a path.</param>
    /// <exception cref="ExtractionLexiconException">The text is not a usable lexicon.</exception>
    public static ExtractionLexicon Parse(string json, string origin)
    {
        ExtractionLexicon? lexicon;
        try
        {
            lexicon = JsonSerializer.Deserialize<ExtractionLexicon>(json, Options);
        }
        catch (JsonException e)
        {
            // LineNumber is zero-based; the first sentence names the problem, the rest is the serializer's path again.
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var field = e.Path is { Length: > 0 } path ? path : null;
            var message = e.Message.Split(". Path:", 2)[0];
            if (field is not null && line is null)
            {
                line = LineMap(json).GetValueOrDefault(field);
            }

            throw new ExtractionLexiconException(origin, line, field, message);
        }

        if (lexicon is null)
        {
            throw new ExtractionLexiconException(origin, 1, "$", "the file holds null, not a lexicon");
        }

        if (FirstProblem(lexicon, "$") is { } problem)
        {
            throw new ExtractionLexiconException(origin, LineMap(json).GetValueOrDefault(problem.Field), problem.Field, problem.Message);
        }

        return lexicon;
    }

    /// <summary>Walks the records by reflection so a field added to the lexicon is validated without a line here.</summary>
    private static (string Field, string Message)? FirstProblem(object record, string path)
    {
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var field = $"{path}.{name}";
            switch (property.GetValue(record))
            {
                case null when name == "$schema":
                    break;
                case string text when name != "$schema":
                    if (text.Length == 0 || text.Any(char.IsWhiteSpace))
                    {
                        return (field, "must be a non-empty run of characters without spaces");
                    }

                    break;
                case IReadOnlyList<string> words:
                    if (ListProblem(words, field) is { } listProblem)
                    {
                        return listProblem;
                    }

                    break;
                case string:
                    break;
                case IEnumerable:
                    return (field, "unexpected list type");
                case { } nested:
                    if (FirstProblem(nested, field) is { } nestedProblem)
                    {
                        return nestedProblem;
                    }

                    break;
            }
        }

        return null;
    }

    private static (string Field, string Message)? ListProblem(IReadOnlyList<string> words, string field)
    {
        if (words.Count == 0)
        {
            return (field, "must hold at least one entry");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (string.IsNullOrWhiteSpace(word) || word.Trim().Length != word.Length)
            {
                return ($"{field}[{i}]", $"'{word}' must be a non-blank entry without leading or trailing spaces");
            }

            if (!seen.Add(word))
            {
                return ($"{field}[{i}]", $"'{word}' appears twice");
            }
        }

        return null;
    }

    /// <summary>The 1-based line of every property and array element, by its JSON path ($.labels.source[2]).</summary>
    internal static Dictionary<string, int> LineMap(string json)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<(bool IsArray, string Name, int Index)>();
        var line = 1;
        var counted = 0;
        try
        {
            while (reader.Read())
            {
                var at = (int)reader.TokenStartIndex;
                line += bytes.AsSpan(counted, at - counted).Count((byte)'\n');
                counted = at;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path[^1] = (false, reader.GetString()!, 0);
                        lines.TryAdd(PathOf(path), line);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Element(path, lines, line);
                        path.Add((reader.TokenType == JsonTokenType.StartArray, "", -1));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    default:
                        Element(path, lines, line);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A broken file: the lines read so far are all there is.
        }

        return lines;
    }

    /// <summary>An array element advances its index and is recorded; an object member was recorded at its name.</summary>
    private static void Element(List<(bool IsArray, string Name, int Index)> path, Dictionary<string, int> lines, int line)
    {
        if (path.Count > 0 && path[^1].IsArray)
        {
            path[^1] = (true, "", path[^1].Index + 1);
            lines.TryAdd(PathOf(path), line);
        }
    }

    private static string PathOf(List<(bool IsArray, string Name, int Index)> path)
    {
        var builder = new StringBuilder("$");
        foreach (var (isArray, name, index) in path)
        {
            builder.Append(isArray ? $"[{index}]" : "." + name);
        }

        return builder.ToString();
    }
}
