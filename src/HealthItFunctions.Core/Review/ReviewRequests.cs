using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Review;

/// <summary>The body of PATCH /api/articles/{id}, validated: every field optional, at least one present.</summary>
public sealed record ArticlePatch(string? Decision, BulletinMonth? Month, int? Order, string? Title, string? Summary)
{
    /// <summary>The 媒体 printed in 目录 and on the 媒体 line.</summary>
    public string? Media { get; init; }

    /// <summary>The 来源 of the item's header.</summary>
    public string? Credit { get; init; }

    /// <summary>The header's date (a Beijing day).</summary>
    public DateOnly? Date { get; init; }

    public ArticleEdit ToEdit() => new()
    {
        Decision = Decision switch { "include" => EditorDecision.Include, "exclude" => EditorDecision.Exclude, _ => null },
        ResetDecision = Decision == "reset",
        AssignMonth = Month,
        Order = Order,
        Title = Title,
        Summary = Summary,
        DroppedImages = DroppedImages,
        Media = Media,
        Credit = Credit,
        Date = Date,
    };

    /// <summary>The pictures (indexes) the bulletin leaves out; an empty list shows them all again.</summary>
    public IReadOnlyList<int>? DroppedImages { get; init; }
}

/// <summary>An approval as sent: the plan hash the editor previewed (null when none was sent) and the resend confirmation.</summary>
public sealed record Approval(string? PlanHash, bool Confirm);

/// <summary>
/// Reads request bodies and route values by hand, so a wrong type, an unknown field or an oversize text is named in
/// the 400 instead of surfacing as a serializer message (and so both hosts refuse exactly the same inputs).
/// </summary>
public static partial class ReviewRequests
{
    public const int MaxTitleChars = 300;
    public const int MaxSummaryChars = 5000;
    public const int MaxUrlChars = 2048;
    public const int MaxMediaChars = 100;
    public const int MaxOrder = 10_000;

    /// <summary>Pictures an article can have (the ingest cap, plus the ones listed past it).</summary>
    public const int MaxPictures = 100;

    private static readonly string[] Decisions = ["include", "exclude", "reset"];

    public static bool TryMonth(string? text, out BulletinMonth month, [NotNullWhen(false)] out ReviewResponse? problem)
    {
        problem = null;
        if (text is not null && MonthPattern().IsMatch(text) && BulletinMonth.TryParse(text, out month))
        {
            return true;
        }

        month = default;
        problem = ReviewResponse.Invalid("month", $"'{text}' is not a month; write it as yyyy-MM, e.g. 2021-08.");
        return false;
    }

    public static bool TryArticleId(string? text, [NotNullWhen(false)] out ReviewResponse? problem)
    {
        problem = text is not null && IdPattern().IsMatch(text)
            ? null
            : ReviewResponse.Invalid("id", $"'{text}' is not an article id (32 lowercase hex digits, as the list returns them).");
        return problem is null;
    }

    public static bool TryParsePatch(string? body, [NotNullWhen(true)] out ArticlePatch? patch, [NotNullWhen(false)] out ReviewResponse? problem)
    {
        patch = null;
        var errors = new Dictionary<string, string[]>();
        if (!TryObject(body, out var root, out problem))
        {
            return false;
        }

        string? decision = null, title = null, summary = null, media = null, credit = null;
        BulletinMonth? month = null;
        DateOnly? date = null;
        int? order = null;
        List<int>? dropped = null;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "decision" when value.ValueKind == JsonValueKind.String && Decisions.Contains(value.GetString()):
                    decision = value.GetString();
                    break;
                case "decision":
                    errors["decision"] = ["must be one of \"include\", \"exclude\" or \"reset\"."];
                    break;
                case "month" when value.ValueKind == JsonValueKind.String && MonthPattern().IsMatch(value.GetString()!) && BulletinMonth.TryParse(value.GetString(), out var parsed):
                    month = parsed;
                    break;
                case "month":
                    errors["month"] = ["must be a month string yyyy-MM, e.g. \"2021-08\"."];
                    break;
                case "order" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var position) && position is >= 1 and <= MaxOrder:
                    order = position;
                    break;
                case "order":
                    errors["order"] = [$"must be a whole number from 1 to {MaxOrder}."];
                    break;
                case "title":
                    title = Text(value, "title", MaxTitleChars, allowBlank: false, errors);
                    break;
                case "summary":
                    summary = Text(value, "summary", MaxSummaryChars, allowBlank: true, errors);
                    break;
                case "droppedImages" when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() <= MaxPictures
                    && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var index) && index is >= 0 and < MaxPictures):
                    dropped = value.EnumerateArray().Select(v => v.GetInt32()).Distinct().Order().ToList();
                    break;
                case "droppedImages":
                    errors["droppedImages"] = [$"must be a list of picture indexes from 0 to {MaxPictures - 1}, e.g. [0, 3]; [] shows every picture."];
                    break;
                case "media":
                    media = Text(value, "media", MaxMediaChars, allowBlank: false, errors);
                    break;
                case "credit":
                    credit = Text(value, "credit", MaxMediaChars, allowBlank: false, errors);
                    break;
                case "date" when value.ValueKind == JsonValueKind.String && DatePattern().IsMatch(value.GetString()!)
                    && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day):
                    date = day;
                    break;
                case "date":
                    errors["date"] = ["must be a date string yyyy-MM-dd, e.g. \"2021-08-15\"."];
                    break;
                default:
                    errors[property.Name] = ["is not a field an editor can change (decision, month, order, title, summary, media, credit, date, droppedImages)."];
                    break;
            }
        }

        if (errors.Count == 0 && decision is null && month is null && order is null && title is null && summary is null && dropped is null && media is null && credit is null && date is null)
        {
            errors["body"] = ["names no change; send at least one of decision, month, order, title, summary, media, credit, date, droppedImages."];
        }

        if (errors.Count > 0)
        {
            problem = ReviewResponse.Invalid(errors);
            return false;
        }

        patch = new ArticlePatch(decision, month, order, title, summary) { DroppedImages = dropped, Media = media, Credit = credit, Date = date };
        return true;
    }

    /// <summary>The body of POST /api/months/{month}/articles: {"url": "https://..."}.</summary>
    public static bool TryParseAdd(string? body, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out ReviewResponse? problem)
    {
        url = null;
        if (!TryObject(body, out var root, out problem))
        {
            return false;
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var property in root.EnumerateObject().Where(p => p.Name != "url"))
        {
            errors[property.Name] = ["is not accepted here; send only {\"url\": \"https://...\"}."];
        }

        if (!root.TryGetProperty("url", out var value) || value.ValueKind != JsonValueKind.String)
        {
            errors["url"] = ["is required: the article's absolute http(s) address."];
        }
        else if (value.GetString()!.Length > MaxUrlChars)
        {
            errors["url"] = [$"is longer than {MaxUrlChars} characters."];
        }
        else if (!Uri.TryCreate(value.GetString()!.Trim(), UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            url = null;
            errors["url"] = [$"'{value.GetString()}' is not an absolute http(s) URL."];
        }

        if (errors.Count > 0 || url is null)
        {
            url = null;
            problem = ReviewResponse.Invalid(errors);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The approval (POST .../publish): the previewed plan hash in If-Match (quotes and W/ allowed) or the body's
    /// "planHash", and the optional {"confirm": true} or ?confirm=true.
    /// </summary>
    public static bool TryParseApproval(string? query, string? body, string? ifMatch, [NotNullWhen(true)] out Approval? approval, [NotNullWhen(false)] out ReviewResponse? problem)
    {
        approval = null;
        string? planHash = null;
        if (!string.IsNullOrWhiteSpace(body) && TryObject(body, out var root, out _) && root.TryGetProperty("planHash", out var hashValue))
        {
            if (hashValue.ValueKind != JsonValueKind.String || !HashPattern().IsMatch(hashValue.GetString()!))
            {
                problem = ReviewResponse.Invalid("planHash", "must be the contentHash string of GET /api/months/{month}/bulletin (64 hex digits).");
                return false;
            }

            planHash = hashValue.GetString();
            body = JsonSerializer.Serialize(root.EnumerateObject().Where(p => p.Name != "planHash").ToDictionary(p => p.Name, p => p.Value));
        }

        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            var tag = ifMatch.Trim();
            tag = (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag).Trim('"');
            if (!HashPattern().IsMatch(tag))
            {
                problem = ReviewResponse.Invalid("If-Match", $"'{ifMatch}' is not the contentHash of GET /api/months/{{month}}/bulletin (64 hex digits).");
                return false;
            }

            planHash ??= tag;
        }

        if (!TryParseConfirm(query, body, out var confirm, out problem))
        {
            return false;
        }

        approval = new Approval(planHash?.ToLowerInvariant(), confirm);
        return true;
    }

    /// <summary>The optional body of POST .../publish: {"confirm": true}; the query's confirm=true counts too.</summary>
    public static bool TryParseConfirm(string? query, string? body, out bool confirm, [NotNullWhen(false)] out ReviewResponse? problem)
    {
        confirm = false;
        problem = null;
        if (query is not null && !bool.TryParse(query, out confirm))
        {
            problem = ReviewResponse.Invalid("confirm", $"'{query}' is not true or false.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return true;
        }

        if (!TryObject(body, out var root, out problem))
        {
            return false;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != "confirm" || property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problem = ReviewResponse.Invalid(property.Name, "only {\"confirm\": true|false} is accepted.");
                return false;
            }

            confirm |= property.Value.GetBoolean();
        }

        return true;
    }

    /// <summary>Every string and property name in the document decodes to text (JSON escapes can spell lone surrogates). Depth is bounded by the parser (64).</summary>
    private static bool IsText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(IsText);
                case JsonValueKind.Object:
                    return element.EnumerateObject().All(p => p.Name is not null && IsText(p.Value));
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryObject(string? body, out JsonElement root, [NotNullWhen(false)] out ReviewResponse? problem)
    {
        root = default;
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body);
            if (!IsText(document.RootElement))
            {
                // A "\ud800" escape parses, then throws when read: refused here, not as a 500 from a field read later.
                problem = ReviewResponse.Invalid("body", "holds an unpaired surrogate escape (\\uD800–\\uDFFF), which is no text.");
                return false;
            }

            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                root = document.RootElement.Clone();
                return true;
            }
        }
        catch (JsonException e)
        {
            problem = ReviewResponse.Invalid("body", $"is not valid JSON: {e.Message}");
            return false;
        }

        problem = ReviewResponse.Invalid("body", "must be a JSON object.");
        return false;
    }

    private static string? Text(JsonElement value, string field, int maxChars, bool allowBlank, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors[field] = ["must be a string."];
            return null;
        }

        // Editor input enters stored text here: what no document may carry is removed before any length check.
        var text = TextSanitizer.Clean(value.GetString()!).Trim();
        if (text.Length > maxChars)
        {
            errors[field] = [$"is {text.Length} characters; at most {maxChars} are allowed."];
            return null;
        }

        if (!allowBlank && text.Length == 0)
        {
            errors[field] = ["must not be blank; send the original value to undo an edit."];
            return null;
        }

        return text;
    }

    [GeneratedRegex(@"\A\d{4}-\d{2}\z")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"\A\d{4}-\d{2}-\d{2}\z")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\A[0-9a-fA-F]{64}\z")]
    private static partial Regex HashPattern();

    [GeneratedRegex(@"\A[0-9a-f]{32}\z")]
    private static partial Regex IdPattern();
}
