using System.Text.Encodings.Web;
using System.Text.Json;
using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Cli.Pages;

/// <summary>
/// The line format of <c>healthit extract</c>, measured from outside, so it must stay exactly
/// {"id","url","title","publish_time","author","source","content"} (plus "encoding"/"encoding_evidence" with --verbose). A page that is not an article keeps its line,
/// with null fields, empty content and a "not_article" reason, so every input id appears once and says why it is empty.
/// </summary>
internal static class ExtractionJsonl
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Chinese stays readable in the file; the output is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="verbose">Adds "encoding" and "encoding_evidence" after the fixed keys.</param>
    public static void WriteLine(Stream output, string id, string? url, ExtractionResult result, bool verbose = false) =>
        WriteLine(output, id, url, result, result.IsArticle ? null : $"{Reason(result.Reason)}: {result.Detail}", verbose);

    /// <summary>A line for a page that was never extracted (too large, unreadable): the reason is all it carries.</summary>
    public static void WriteRefused(Stream output, string id, string? url, string reason) =>
        WriteLine(output, id, url, ExtractionResult.NotAnArticle(NotArticleReason.EmptyPage, reason), reason, verbose: false);

    /// <summary>snake_case, like the other keys: "no_main_content".</summary>
    private static string Reason(NotArticleReason? reason) =>
        reason is { } r ? string.Concat(r.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())) : "unknown";

    private static void WriteLine(Stream output, string id, string? url, ExtractionResult result, string? notArticle, bool verbose)
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
            if (notArticle is not null)
            {
                writer.WriteString("not_article", notArticle);
            }

            if (verbose)
            {
                WriteNullable(writer, "encoding", result.Encoding);
                WriteNullable(writer, "encoding_evidence", result.EncodingEvidence);
            }

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
