using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HealthItFunctions.Cli.Jsonl;

/// <summary>One input line of <c>healthit relevance</c> / <c>healthit dedupe</c>.</summary>
internal sealed record ArticleLine(int LineNumber, string Id, string? Title, string? Content, DateTimeOffset? PublishTime, string? Source);

/// <summary>A line that is not an article object; the message names the line and what is wrong with it.</summary>
internal sealed class ArticleLineException(string message) : Exception(message);

/// <summary>
/// Reads JSONL of {"id","title","content","publish_time"?,"source"?}. The whole file is checked before anything is
/// written, so a bad line 9,000 does not leave half an output file behind. Blank lines are skipped.
/// </summary>
internal static partial class ArticleLines
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // Chinese stays readable in the file; the output is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <exception cref="ArticleLineException">A line is not JSON, not an object, lacks a string id, repeats an id, or has a field of the wrong type.</exception>
    public static IReadOnlyList<ArticleLine> Read(string path)
    {
        var lines = new List<ArticleLine>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var line = Parse(number, text);
            if (seen.TryGetValue(line.Id, out var first))
            {
                throw new ArticleLineException($"line {number}: id '{line.Id}' already appeared on line {first}; give every article its own id.");
            }

            seen[line.Id] = number;
            lines.Add(line);
        }

        return lines;
    }

    private static ArticleLine Parse(int number, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ArticleLineException($"line {number}: not valid JSON ({e.Message}); each line must be one JSON object.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArticleLineException($"line {number}: expected a JSON object like {{\"id\":\"a1\",\"title\":\"…\",\"content\":\"…\"}}, found {root.ValueKind}.");
            }

            var id = OptionalString(root, "id", number);
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArticleLineException($"line {number}: \"id\" is missing or empty; every line needs a string id.");
            }

            var publishTime = OptionalString(root, "publish_time", number) is { Length: > 0 } time ? ParseTime(time, number) : (DateTimeOffset?)null;
            return new ArticleLine(number, id, OptionalString(root, "title", number), OptionalString(root, "content", number), publishTime, OptionalString(root, "source", number));
        }
    }

    private static string? OptionalString(JsonElement root, string name, int number)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ArticleLineException($"line {number}: \"{name}\" must be a string or null, found {value.ValueKind}.");
    }

    /// <summary>ISO 8601; a time without an offset is Beijing time, the sources' own clock.</summary>
    private static DateTimeOffset ParseTime(string text, int number)
    {
        var hasOffset = ExplicitOffset().IsMatch(text);
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset;
        }

        if (!hasOffset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Beijing);
        }

        throw new ArticleLineException($"line {number}: \"publish_time\" '{text}' is not an ISO 8601 time such as 2021-08-15T10:10:00+08:00.");
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
