using System.Text.Encodings.Web;
using System.Text.Json;
using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Cli.Pages;

/// <summary>
/// The line format of <c>healthit extract</c>, measured from outside, so it must stay exactly
/// {"id","url","title","publish_time","author","source","content"}. A page that is not an article keeps its line,
/// with null fields and empty content, so every input id appears once.
/// </summary>
internal static class ExtractionJsonl
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Chinese stays readable in the file; the output is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteLine(Stream output, string id, string? url, ExtractionResult result)
    {
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            var article = result.Article;
            writer.WriteStartObject();
            writer.WriteString("id", id);
            WriteNullable(writer, "url", url);
            WriteNullable(writer, "title", article?.Title is { Length: > 0 } title ? title : null);
            WriteNullable(writer, "publish_time", article?.PublishTime?.ToIsoStringFull());
            WriteNullable(writer, "author", article?.Author);
            WriteNullable(writer, "source", article?.Publisher);
            writer.WriteString("content", article?.Content ?? string.Empty);
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
