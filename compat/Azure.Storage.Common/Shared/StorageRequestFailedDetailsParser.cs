using System.Xml;
using System.Xml.Linq;
using Azure.Core;

namespace Azure.Storage;

/// <summary>
/// Error details of the Blob and Queue services: an XML body &lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;/Error&gt;,
/// and the x-ms-error-code header, which is all a HEAD response carries.
/// </summary>
internal sealed class StorageRequestFailedDetailsParser : RequestFailedDetailsParser
{
    public static StorageRequestFailedDetailsParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError error, out IDictionary<string, string> data)
    {
        response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var code);
        string message = null;
        data = null;

        var root = ReadErrorElement(response);
        if (root is not null)
        {
            code ??= root.Element("Code")?.Value;
            message = root.Element("Message")?.Value;
            data = root.Elements()
                .Where(element => element.Name.LocalName is not ("Code" or "Message"))
                .GroupBy(element => element.Name.LocalName)
                .ToDictionary(group => group.Key, group => group.First().Value);
        }

        error = code is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    private static XElement ReadErrorElement(Response response)
    {
        if (response.ContentStream is null || response.Content.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            var root = XDocument.Load(response.Content.ToStream()).Root;
            return root?.Name.LocalName == "Error" ? root : null;
        }
        catch (XmlException)
        {
            // Not the documented error body (e.g. a proxy's HTML page): the header code, if any, is all there is.
            return null;
        }
    }
}
