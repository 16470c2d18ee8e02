using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Review;

/// <summary>
/// The review API's JSON: camelCase, Chinese as itself (readable in a browser's network tab), and still every
/// &lt;, &gt;, &amp; and quote escaped, so no response can be mistaken for markup.
/// </summary>
public static class ReviewJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        if (!options.Converters.OfType<SanitizedStringConverter>().Any())
        {
            options.Converters.Add(new SanitizedStringConverter());
        }

        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        }

        return options;
    }
}

/// <summary>
/// The API's last guard: every string written passes <see cref="TextSanitizer"/>, so a lone surrogate stored before
/// the sanitizer existed cannot make the writer throw a 500 in the middle of a list.
/// </summary>
internal sealed class SanitizedStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(TextSanitizer.Clean(value));
}
