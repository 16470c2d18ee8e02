using System.Diagnostics.CodeAnalysis;
using Azure.Core;

namespace Azure.Data.Tables;

/// <summary>The service's answer to one action of a transaction, read from the multipart response.</summary>
internal sealed class TransactionSubResponse(int status, string reasonPhrase, IReadOnlyDictionary<string, string> headers, byte[] content) : Response
{
    public override int Status => status;

    public override string ReasonPhrase => reasonPhrase;

    // Azure.Core words a RequestFailedException by this flag: a failed action must read as a failure.
    public override bool IsError => status >= 400;

    public override Stream? ContentStream { get; set; } = new MemoryStream(content, writable: false);

    public override string ClientRequestId { get; set; } = headers.GetValueOrDefault("x-ms-client-request-id") ?? string.Empty;

    // Holds only memory; disposing leaves the content readable, as callers may keep the response.
    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(header => new HttpHeader(header.Key, header.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = headers.TryGetValue(name, out string? value) ? value.Split(',', StringSplitOptions.TrimEntries) : null;
        return values is not null;
    }
}
