using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Review;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Fuzzing;

/// <summary>The parsers' properties: whatever arrives, an answer comes back (never an exception), and it is clean.</summary>
public static class ParserProperties
{
    private static readonly Uri PageUrl = new("https://news.example.cn/a/1.html");

    /// <summary>A fixed fetch time, so relative dates resolve the same on every run.</summary>
    private static readonly DateTimeOffset FetchedAt = new(2021, 9, 2, 12, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Random and adversarial pages (markup, entities, encodings) read as the ingest reads them: an article whose every field is clean, or a reason.</summary>
    public static FuzzTarget Extraction(ArticleReader reader) => FuzzTarget.Create(
        "extraction",
        "hostile HTML, entities and encodings through ArticleReader",
        HostileInputs.PageBytes,
        page => page.Bytes.Length,
        page =>
        {
            var result = reader.Read(page.Bytes, page.ContentType, PageUrl, FetchedAt);
            if (result.Article is { } article)
            {
                foreach (var text in article.Paragraphs.Append(article.Title).Append(article.Source ?? "").Append(article.Author ?? ""))
                {
                    PropertyFailedException.Require(TextSanitizer.IsClean(text), () => $"unclean field {Show(text)}");
                }
            }
            else
            {
                PropertyFailedException.Require(!string.IsNullOrWhiteSpace(result.Detail), () => "not an article, and no reason given");
            }
        },
        timeBound: TimeSpan.FromSeconds(20));

    /// <summary>Random JSON through every parser of the review API's bodies and routes: each answers yes or no, and an accepted edit is clean.</summary>
    public static FuzzTarget ReviewApi() => FuzzTarget.Create(
        "review-api",
        "random JSON into every review API body and route parser",
        HostileInputs.Json,
        json => json.Length,
        json =>
        {
            if (ReviewRequests.TryParsePatch(json, out var patch, out _) && patch.Title is { } title)
            {
                PropertyFailedException.Require(TextSanitizer.IsClean(title), () => $"an edited title keeps an invalid character: {Show(title)}");
            }

            ReviewRequests.TryParseAdd(json, out _, out _);
            ReviewRequests.TryParseConfirm(json, json, out _, out _);
            ReviewRequests.TryParseConfirm(null, json, out _, out _);
            ReviewRequests.TryParseApproval(json, json, json, out _, out _);
            ReviewRequests.TryParseApproval(null, json, null, out _, out _);
            ReviewRequests.TryMonth(json, out _, out _);
            ReviewRequests.TryArticleId(json, out _);
        });

    /// <summary>Random JSON through both queue message decoders: decoded or refused with a reason, never thrown.</summary>
    public static FuzzTarget QueueMessages() => FuzzTarget.Create(
        "queue-messages",
        "random JSON into the article-fetch and source-poll message decoders",
        HostileInputs.Json,
        json => json.Length,
        json =>
        {
            Decode<ArticleFetchMessage>(json);
            Decode<SourcePollMessage>(json);
        });

    private static void Decode<TMessage>(string json) where TMessage : class, IQueueMessage
    {
        if (!QueueMessageCodec.TryDecode<TMessage>(json, out var message, out var problem))
        {
            PropertyFailedException.Require(!string.IsNullOrWhiteSpace(problem), () => $"{typeof(TMessage).Name} refused without a reason");
        }
        else
        {
            PropertyFailedException.Require(message is not null, () => $"{typeof(TMessage).Name} accepted as null");
        }
    }

    /// <summary>The first characters, every one outside printable ASCII as \uXXXX: a failure message a terminal shows as it is.</summary>
    internal static string Show(string text) => string.Concat(text.Take(80).Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
