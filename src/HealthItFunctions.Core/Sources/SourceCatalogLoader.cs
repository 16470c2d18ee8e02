using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.XPath;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Sources;

/// <summary>A catalog file that was refused, with where the problem is: the file, the line, the field.</summary>
public sealed class SourceCatalogException(string origin, int? line, string? field, string problem)
    : Exception($"{origin}{(line is { } l ? $" line {l}" : "")}{(field is { } f ? $", field {f}" : "")}: {problem}")
{
    public string Origin { get; } = origin;

    public int? Line { get; } = line;

    public string? Field { get; } = field;

    public string Problem { get; } = problem;
}

/// <summary>
/// Validates a sources.json text before it goes live: the parse of <see cref="SourceCatalog.Parse"/> (JSON shape,
/// required id/media/hosts, detail XPaths), then what polling needs (unique ids, absolute http(s) start URLs, list XPaths
/// and urlPattern that compile). Every refusal names the file, the line and the field.
/// </summary>
public static class SourceCatalogLoader
{
    /// <exception cref="SourceCatalogException">The file is not a usable catalog.</exception>
    public static SourceCatalog Load(string path) => Parse(File.ReadAllText(path), path);

    /// <param name="origin">How an operator names the file: "blob config/sources.json" or a path.</param>
    /// <exception cref="SourceCatalogException">The file is not a usable catalog.</exception>
    public static SourceCatalog Parse(string json, string origin)
    {
        SourceCatalog catalog;
        try
        {
            catalog = SourceCatalog.Parse(json);
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are zero-based.
            var column = e.BytePositionInLine is { } b ? $" (column {b + 1})" : "";
            throw new SourceCatalogException(origin, (int?)e.LineNumber + 1, e.Path, FirstSentence(e.Message) + column);
        }
        catch (InvalidDataException e)
        {
            var (line, index) = LocateFailingSource(json);
            throw new SourceCatalogException(origin, line, index is { } i ? $"$.sources[{i}]" : null, e.Message);
        }

        var starts = SourceStartLines(json);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Sources.Count; i++)
        {
            if (Problem(catalog.Sources[i], seen) is { } problem)
            {
                throw new SourceCatalogException(origin, i < starts.Count ? starts[i] : null, $"$.sources[{i}].{problem.Field}", problem.Message);
            }
        }

        return catalog;
    }

    private static (string Field, string Message)? Problem(SourceDefinition source, HashSet<string> seen)
    {
        if (!seen.Add(source.Id))
        {
            return ("id", $"source id '{source.Id}' appears twice");
        }

        if (EvidenceProblem(source) is { } evidenceProblem)
        {
            return evidenceProblem;
        }

        var rewrites = source.Canonical?.Rewrite ?? [];
        for (var r = 0; r < rewrites.Count; r++)
        {
            try
            {
                _ = new Regex(rewrites[r].Pattern ?? "", RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                return ($"canonical.rewrite[{r}].pattern", $"source '{source.Id}': invalid regex: {e.Message}");
            }

            if (string.IsNullOrEmpty(rewrites[r].Pattern) || string.IsNullOrEmpty(rewrites[r].Replacement))
            {
                return ($"canonical.rewrite[{r}]", $"source '{source.Id}': a rewrite needs a pattern and a replacement");
            }
        }

        if (source.List is not { } list)
        {
            return null;
        }

        for (var u = 0; u < list.StartUrls.Count; u++)
        {
            if (!Uri.TryCreate(list.StartUrls[u], UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                return ($"list.startUrls[{u}]", $"source '{source.Id}': '{list.StartUrls[u]}' is not an absolute http(s) URL");
            }
        }

        if (ListShapeProblem(list) is { } shape)
        {
            return (shape.Field, $"source '{source.Id}': {shape.Message}");
        }

        foreach (var (field, xpath) in new[] { ("list.rows", list.Rows), ("list.link", list.Link), ("list.date", list.Date), ("list.paging.next", list.Paging?.Next) })
        {
            if (string.IsNullOrEmpty(xpath))
            {
                continue;
            }

            try
            {
                XPathExpression.Compile(xpath);
            }
            catch (XPathException e)
            {
                return (field, $"source '{source.Id}': invalid XPath '{xpath}': {e.Message}");
            }
        }

        if (list.UrlPattern is { Length: > 0 } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                return ("list.urlPattern", $"source '{source.Id}': invalid regex: {e.Message}");
            }
        }

        return null;
    }

    private static (string Field, string Message)? EvidenceProblem(SourceDefinition source)
    {
        for (var e = 0; e < source.Evidence.Count; e++)
        {
            var evidence = source.Evidence[e];
            if (evidence.Covers.Count == 0 || evidence.Covers.Any(c => !SourceEvidence.Rules.Contains(c, StringComparer.Ordinal)))
            {
                return ($"evidence[{e}].covers", $"source '{source.Id}': covers must list some of {string.Join(", ", SourceEvidence.Rules)}");
            }

            if (string.IsNullOrWhiteSpace(evidence.What) || string.IsNullOrWhiteSpace(evidence.Seen))
            {
                return ($"evidence[{e}]", $"source '{source.Id}': evidence needs 'what' (the fact) and 'seen' (repository and path, or page address)");
            }

            if (evidence.Year is < 1995 or > 2100)
            {
                return ($"evidence[{e}].year", $"source '{source.Id}': year {evidence.Year} is not the year the fact was seen");
            }
        }

        return null;
    }

    /// <summary>What the json kind, POST and paging need, checked where an operator can still fix it: at load.</summary>
    private static (string Field, string Message)? ListShapeProblem(ListRules list)
    {
        if (list.Method is { } method && method.ToUpperInvariant() is not ("GET" or "POST"))
        {
            return ("list.method", $"method '{method}' is neither GET nor POST");
        }

        if (list.IsPost && list.Kind != ListKind.Json)
        {
            return ("list.method", "POST is for kind json only");
        }

        if (list.Kind == ListKind.Json)
        {
            if (list.Fields is null)
            {
                return ("list.fields", "kind json needs fields: {\"url\": \"/…\" (or \"urlTemplate\": \"https://…/{/id}\"), \"title\": \"/…\", \"date\": \"/…\"} (JSON Pointers inside one item)");
            }

            foreach (var (field, pointer) in new[] { ("list.items", list.Items), ("list.fields.url", list.Fields.Url), ("list.fields.title", list.Fields.Title), ("list.fields.date", list.Fields.Date) })
            {
                if (pointer is not null && Polling.JsonPointer.Problem(pointer) is { } problem)
                {
                    return (field, problem);
                }
            }

            if (list.Fields.UrlTemplate is { } urlTemplate && Polling.JsonUrlTemplate.Problem(urlTemplate) is { } templateProblem)
            {
                return ("list.fields.urlTemplate", templateProblem);
            }
        }

        if (list.Paging is { } paging)
        {
            if ((paging.Next is null) == (paging.Template is null))
            {
                return ("list.paging", "paging needs exactly one of next (XPath of the next-page link) or template (a URL with {page})");
            }

            if (paging.Next is not null && list.Kind != ListKind.HtmlList)
            {
                return ("list.paging.next", "a next-page XPath applies to html-list only; use template for json lists");
            }

            if (paging.Template is { } template)
            {
                if (!template.Contains("{page}", StringComparison.Ordinal) && list.Body?.Contains("{page}", StringComparison.Ordinal) != true)
                {
                    return ("list.paging.template", "the template has no {page} (nor has the POST body)");
                }

                var sample = template.Replace("{page}", "2", StringComparison.Ordinal);
                if (!Uri.TryCreate(sample, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    return ("list.paging.template", $"'{template}' is not an absolute http(s) URL with {{page}}");
                }
            }

            if (paging.First < 1 || paging.MaxPages < 1)
            {
                return ("list.paging", "first and maxPages must be 1 or more");
            }
        }

        return null;
    }

    /// <summary>SourceCatalog.Parse names the source, not its place: parse each entry alone to find the first it refuses.</summary>
    private static (int? Line, int? Index) LocateFailingSource(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("sources", out var sources) || sources.ValueKind != JsonValueKind.Array)
        {
            return (null, null);
        }

        var starts = SourceStartLines(json);
        var index = 0;
        foreach (var element in sources.EnumerateArray())
        {
            try
            {
                SourceCatalog.Parse($"{{\"sources\":[{element.GetRawText()}]}}");
            }
            catch (Exception e) when (e is InvalidDataException or JsonException)
            {
                return (index < starts.Count ? starts[index] : null, index);
            }

            index++;
        }

        return (null, null);
    }

    /// <summary>The 1-based line on which each element of the top-level "sources" array starts.</summary>
    private static List<int> SourceStartLines(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var lines = new List<int>();
        var inSources = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inSources = reader.ValueTextEquals("sources");
            }
            else if (inSources && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                lines.Add(1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n'));
            }
        }

        return lines;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
    }
}
