using System.Globalization;
using System.Text;
using Azure.Core;

namespace Azure.Data.Tables;

/// <summary>
/// The <c>$batch</c> wire format of an entity group transaction: a multipart/mixed batch holding one changeset,
/// whose parts are the actions as raw HTTP requests; the answer mirrors it with raw HTTP responses.
/// </summary>
internal static class TransactionMultipart
{
    private const string Crlf = "\r\n";

    /// <summary>Writes the batch body; returns it with the Content-Type that names its boundary.</summary>
    public static (byte[] Body, string ContentType) Write(IEnumerable<Request> operations, CancellationToken cancellationToken)
    {
        string batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        string changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));

        Write($"--{batchBoundary}{Crlf}Content-Type: multipart/mixed; boundary={changesetBoundary}{Crlf}{Crlf}");
        foreach (Request operation in operations)
        {
            Write($"--{changesetBoundary}{Crlf}Content-Type: application/http{Crlf}Content-Transfer-Encoding: binary{Crlf}{Crlf}");
            Write($"{operation.Method} {operation.Uri.ToUri().AbsoluteUri} HTTP/1.1{Crlf}");
            foreach (HttpHeader header in operation.Headers)
            {
                Write($"{header.Name}: {header.Value}{Crlf}");
            }

            Write(Crlf);
            if (operation.Content is not null)
            {
                operation.Content.WriteTo(body, cancellationToken);
                Write(Crlf);
            }
        }

        Write($"--{changesetBoundary}--{Crlf}{Crlf}--{batchBoundary}--{Crlf}");
        return (body.ToArray(), $"multipart/mixed; boundary={batchBoundary}");
    }

    /// <summary>Reads the per-action responses, in the order of the actions.</summary>
    public static IReadOnlyList<Response> Read(Response batchResponse)
    {
        string boundary = GetBoundary(batchResponse.Headers.ContentType)
            ?? throw new InvalidOperationException($"The transaction response is not multipart (Content-Type: {batchResponse.Headers.ContentType}).");

        // Bodies are JSON, which never holds a raw line break, so line endings can be normalized wholesale.
        string text = batchResponse.Content.ToString().Replace(Crlf, "\n", StringComparison.Ordinal);
        var responses = new List<Response>();
        foreach (string part in SplitParts(text, boundary))
        {
            (Dictionary<string, string> headers, string content) = SplitHeaders(part);
            if (GetBoundary(headers.GetValueOrDefault("Content-Type")) is { } changesetBoundary)
            {
                responses.AddRange(SplitParts(content, changesetBoundary).Select(changesetPart => ParseHttpResponse(SplitHeaders(changesetPart).Content)));
            }
            else
            {
                responses.Add(ParseHttpResponse(content));
            }
        }

        return responses;
    }

    private static string? GetBoundary(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return contentType.Split(';', StringSplitOptions.TrimEntries)
            .Where(parameter => parameter.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            .Select(parameter => parameter["boundary=".Length..].Trim('"'))
            .FirstOrDefault();
    }

    private static IEnumerable<string> SplitParts(string multipart, string boundary)
    {
        // The first piece is the preamble; the piece after the closing delimiter ("--boundary--") starts with "--".
        foreach (string piece in multipart.Split("--" + boundary).Skip(1))
        {
            if (piece.StartsWith("--", StringComparison.Ordinal))
            {
                yield break;
            }

            yield return piece.TrimStart('\n');
        }
    }

    private static (Dictionary<string, string> Headers, string Content) SplitHeaders(string part)
    {
        int end = part.IndexOf("\n\n", StringComparison.Ordinal);
        string headerBlock = end < 0 ? part : part[..end];
        string content = end < 0 ? string.Empty : part[(end + 2)..].TrimEnd('\n');

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in headerBlock.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, content);
    }

    private static TransactionSubResponse ParseHttpResponse(string httpResponse)
    {
        int statusLineEnd = httpResponse.IndexOf('\n', StringComparison.Ordinal);
        string statusLine = statusLineEnd < 0 ? httpResponse : httpResponse[..statusLineEnd];
        string[] statusParts = statusLine.Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int status))
        {
            throw new InvalidOperationException($"The transaction response holds a malformed status line: '{statusLine}'.");
        }

        (Dictionary<string, string> headers, string content) = statusLineEnd < 0
            ? (new Dictionary<string, string>(), string.Empty)
            : SplitHeaders(httpResponse[(statusLineEnd + 1)..]);
        return new TransactionSubResponse(status, statusParts.Length > 2 ? statusParts[2].Trim() : string.Empty, headers, Encoding.UTF8.GetBytes(content));
    }
}
