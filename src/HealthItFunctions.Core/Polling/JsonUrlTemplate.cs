using System.Text.Json;
using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Polling;

/// <summary>
/// A json list item's URL built from its fields, for endpoints whose items carry an id and no link (qq's getPCList:
/// "https://news.qq.com/rain/a/{/id}"). Each {…} holds a JSON Pointer inside the item; its value is URL-escaped.
/// </summary>
public static partial class JsonUrlTemplate
{
    /// <summary>The URL for one item, or null when a placeholder names no string or number in it.</summary>
    public static string? Expand(string template, JsonElement item)
    {
        var missing = false;
        var url = Placeholder().Replace(template, match =>
        {
            var value = JsonPointer.Evaluate(item, match.Groups["pointer"].Value) switch
            {
                { ValueKind: JsonValueKind.String } s => s.GetString(),
                { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
                _ => null,
            };
            missing |= string.IsNullOrWhiteSpace(value);
            return Uri.EscapeDataString(value?.Trim() ?? "");
        });
        return missing ? null : url;
    }

    /// <summary>Null when the template can build item URLs, else why it cannot (for the loader's error).</summary>
    public static string? Problem(string template)
    {
        var placeholders = Placeholder().Matches(template);
        if (placeholders.Count == 0)
        {
            return $"'{template}' has no {{/pointer}} placeholder, e.g. \"https://news.qq.com/rain/a/{{/id}}\"";
        }

        foreach (Match placeholder in placeholders)
        {
            if (JsonPointer.Problem(placeholder.Groups["pointer"].Value) is { } problem)
            {
                return problem;
            }
        }

        var sample = Placeholder().Replace(template, "x");
        return sample.Contains('{') || sample.Contains('}')
            ? $"'{template}' has a brace outside a {{/pointer}} placeholder"
            : !Uri.TryCreate(sample, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                ? $"'{template}' is not an absolute http(s) URL once its placeholders are filled"
                : null;
    }

    // A pointer starts with '/' (RFC 6901); anything else in braces is left for Problem to reject.
    [GeneratedRegex(@"\{(?<pointer>/[^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
