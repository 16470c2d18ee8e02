using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;

namespace Azure.Data.Tables;

/// <summary>
/// Reads the Table service's error body, <c>{"odata.error":{"code":…,"message":{"value":…}}}</c>, which
/// Azure.Core's default parser does not understand, so that <see cref="RequestFailedException.ErrorCode"/>
/// and the exception message carry the service's own code and text.
/// </summary>
internal sealed partial class TableErrorParser : RequestFailedDetailsParser
{
    /// <summary>Exception data key for the index of the failed action of a transaction.</summary>
    internal const string FailedEntityIndexKey = "FailedEntity";

    public static TableErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        (string? code, string? message) = ReadODataError(response.Content);
        code ??= response.Headers.TryGetValue("x-ms-error-code", out string? headerCode) ? headerCode : null;

        data = null;
        // In a failed transaction the service prefixes the message with the failed action's index: "3:The specified…".
        if (message is not null && FailedIndexPrefix().Match(message) is { Success: true } match)
        {
            data = new Dictionary<string, string> { [FailedEntityIndexKey] = match.Groups[1].Value };
        }

        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    private static (string? Code, string? Message) ReadODataError(BinaryData content)
    {
        if (content.ToMemory().IsEmpty)
        {
            return (null, null);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("odata.error", out JsonElement odataError)
                || odataError.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? code = odataError.TryGetProperty("code", out JsonElement codeElement) && codeElement.ValueKind == JsonValueKind.String
                ? codeElement.GetString()
                : null;
            string? message = odataError.TryGetProperty("message", out JsonElement messageElement)
                ? messageElement.ValueKind switch
                {
                    JsonValueKind.String => messageElement.GetString(),
                    JsonValueKind.Object when messageElement.TryGetProperty("value", out JsonElement value) => value.GetString(),
                    _ => null,
                }
                : null;
            return (code, message);
        }
        catch (JsonException)
        {
            // Not JSON (e.g. an XML body from a proxy or an authentication failure): the header still gives the code.
            return (null, null);
        }
    }

    [GeneratedRegex(@"^(\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex FailedIndexPrefix();
}
