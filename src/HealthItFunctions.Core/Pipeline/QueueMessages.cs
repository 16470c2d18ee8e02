using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthItFunctions.Core.Pipeline;

/// <summary>Queue payloads are small, versioned JSON; a reader refuses a version it does not know.</summary>
public interface IQueueMessage
{
    int V { get; }

    /// <summary>Why the message cannot be processed, or null when it is well-formed.</summary>
    string? Problem();
}

/// <summary>source-polls: poll one source's list pages or feeds.</summary>
public sealed record SourcePollMessage(int V, string SourceId) : IQueueMessage
{
    public const int CurrentVersion = 1;

    public static SourcePollMessage For(string sourceId) => new(CurrentVersion, sourceId);

    public string? Problem() =>
        V != CurrentVersion ? $"unknown version {V} (expected {CurrentVersion})"
        : string.IsNullOrWhiteSpace(SourceId) ? "sourceId is missing"
        : null;
}

/// <summary>article-fetch: fetch, extract, score and store one article link found by a poll.</summary>
/// <param name="Traceparent">
/// The W3C trace context of the poll that found the link, so a link's poll and ingest are one trace. Optional: messages
/// written before it existed, or by a host with no trace, are as valid without it.
/// </param>
public sealed record ArticleFetchMessage(
    int V,
    string SourceId,
    string Url,
    string CanonicalUrl,
    string? ListTitle,
    DateTimeOffset? ListDate,
    DateTimeOffset DiscoveredAt,
    string? Traceparent = null) : IQueueMessage
{
    public const int CurrentVersion = 1;

    public string? Problem() =>
        V != CurrentVersion ? $"unknown version {V} (expected {CurrentVersion})"
        : string.IsNullOrWhiteSpace(SourceId) ? "sourceId is missing"
        : !IsHttpUrl(Url) ? $"url '{Url}' is not an absolute http(s) URL"
        : !IsHttpUrl(CanonicalUrl) ? $"canonicalUrl '{CanonicalUrl}' is not an absolute http(s) URL"
        : DiscoveredAt == default ? "discoveredAt is missing"
        : null;

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}

public static class QueueMessageCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>
    /// The largest encoded message a queue takes: Queue Storage allows 64 KiB, and the Functions trigger's base64
    /// encoding spends four bytes for every three.
    /// </summary>
    public const int MaxEncodedBytes = 48 * 1024;

    public static string Encode<TMessage>(TMessage message) where TMessage : IQueueMessage =>
        JsonSerializer.Serialize(message, Json);

    /// <summary>True when the message, encoded, fits a queue message (<see cref="MaxEncodedBytes"/>).</summary>
    public static bool Fits<TMessage>(TMessage message) where TMessage : IQueueMessage =>
        System.Text.Encoding.UTF8.GetByteCount(Encode(message)) <= MaxEncodedBytes;

    /// <summary>Decodes and validates; on failure <paramref name="problem"/> says why, for the log and the poison queue.</summary>
    public static bool TryDecode<TMessage>(string raw, out TMessage message, out string problem) where TMessage : class, IQueueMessage
    {
        message = null!;
        try
        {
            var decoded = JsonSerializer.Deserialize<TMessage>(raw, Json);
            problem = decoded is null ? "the message is JSON null" : decoded.Problem() ?? "";
            if (decoded is not null && problem.Length == 0)
            {
                message = decoded;
                return true;
            }
        }
        catch (JsonException e)
        {
            problem = $"not valid {typeof(TMessage).Name} JSON: {e.Message}";
        }
        catch (NotSupportedException e)
        {
            problem = $"not valid {typeof(TMessage).Name} JSON: {e.Message}";
        }
        catch (InvalidOperationException e)
        {
            // An escape spelling a lone surrogate ("\ud800") parses as JSON and fails as text.
            problem = $"not valid {typeof(TMessage).Name} JSON: {e.Message}";
        }

        return false;
    }
}
