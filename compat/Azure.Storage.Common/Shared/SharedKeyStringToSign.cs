using System.Globalization;
using System.Text;
using Azure.Core;

namespace Azure.Storage;

/// <summary>
/// The string-to-sign of the Shared Key and Shared Key Lite schemes for the Blob and Queue services
/// (version 2009-09-19 and later), per the REST documentation "Authorize with Shared Key".
/// </summary>
internal static class SharedKeyStringToSign
{
    public static string Build(Request request, string accountName, SharedKeyScheme scheme)
    {
        var text = new StringBuilder();
        text.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        if (scheme == SharedKeyScheme.SharedKey)
        {
            text.Append(Header(request, "Content-Encoding")).Append('\n');
            text.Append(Header(request, "Content-Language")).Append('\n');
            text.Append(ContentLength(request)).Append('\n');
            text.Append(Header(request, "Content-MD5")).Append('\n');
            text.Append(Header(request, "Content-Type")).Append('\n');
            text.Append(Header(request, "Date")).Append('\n');
            text.Append(Header(request, "If-Modified-Since")).Append('\n');
            text.Append(Header(request, "If-Match")).Append('\n');
            text.Append(Header(request, "If-None-Match")).Append('\n');
            text.Append(Header(request, "If-Unmodified-Since")).Append('\n');
            text.Append(Header(request, "Range")).Append('\n');
        }
        else
        {
            text.Append(Header(request, "Content-MD5")).Append('\n');
            text.Append(Header(request, "Content-Type")).Append('\n');
            text.Append(Header(request, "Date")).Append('\n');
        }

        AppendCanonicalizedHeaders(text, request);
        AppendCanonicalizedResource(text, request.Uri.ToUri(), accountName, scheme);
        return text.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    // The transport writes Content-Length itself, so it is not among the request headers yet; a zero length signs as empty.
    private static string ContentLength(Request request) =>
        request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;

    private static void AppendCanonicalizedHeaders(StringBuilder text, Request request)
    {
        var headers = request.Headers
            .Where(header => header.Name.StartsWith(StorageHeaders.Prefix, StringComparison.OrdinalIgnoreCase))
            .Select(header => (Name: header.Name.Trim().ToLowerInvariant(), Value: header.Value.Trim()))
            .ToList();

        // The service orders the names by culture-aware comparison that ignores symbols (so '-' does not count),
        // which differs from ordinal order for names such as x-ms-meta-a-b and x-ms-meta-ab.
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        headers.Sort((x, y) => compare.Compare(x.Name, y.Name, CompareOptions.IgnoreSymbols));

        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder text, Uri uri, string accountName, SharedKeyScheme scheme)
    {
        // The path is signed as it appears on the wire (escaped); for the emulator it already starts with the account.
        text.Append('/').Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");

        var parameters = QueryParameters(uri);
        if (scheme == SharedKeyScheme.SharedKeyLite)
        {
            if (parameters.TryGetValue("comp", out var comp))
            {
                text.Append("?comp=").Append(string.Join(',', comp));
            }

            return;
        }

        foreach (var (name, values) in parameters.OrderBy(parameter => parameter.Key, StringComparer.Ordinal))
        {
            values.Sort(StringComparer.Ordinal);
            text.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }
    }

    /// <summary>Decoded values by lowercase name; a repeated name keeps all its values.</summary>
    private static Dictionary<string, List<string>> QueryParameters(Uri uri)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]).ToLowerInvariant();
            var value = separator < 0 ? string.Empty : Uri.UnescapeDataString(pair[(separator + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        return parameters;
    }
}
