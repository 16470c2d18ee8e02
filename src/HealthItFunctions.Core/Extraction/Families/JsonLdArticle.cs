using System.Text.Json;

namespace HealthItFunctions.Core.Extraction.Families;

/// <summary>The schema.org Article fields of a page's JSON-LD blocks (first object that has a headline or a date).</summary>
internal sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Author, string? Publisher)
{
    public static JsonLdArticle? Read(IReadOnlyList<string> blocks)
    {
        foreach (var block in blocks)
        {
            try
            {
                using var document = JsonDocument.Parse(block, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(document.RootElement) is { } article)
                {
                    return article;
                }
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often invalid; the other layers still apply.
            }
        }

        return null;
    }

    private static JsonLdArticle? FindArticle(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindArticle(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (element.TryGetProperty("@graph", out var graph))
                {
                    return FindArticle(graph);
                }

                var headline = String(element, "headline") ?? String(element, "name");
                var date = String(element, "datePublished") ?? String(element, "dateCreated");
                if (date is null && String(element, "headline") is null)
                {
                    return null;
                }

                return new JsonLdArticle(headline, date, Name(element, "author"), Name(element, "publisher"));
            default:
                return null;
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Name(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => String(value, "name"),
            JsonValueKind.Array when value.GetArrayLength() > 0 => value[0].ValueKind == JsonValueKind.String ? value[0].GetString() : String(value[0], "name"),
            _ => null,
        };
    }
}
