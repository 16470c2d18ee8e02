using System.Net;
using System.Security.Cryptography;
using System.Text;
using HealthItFunctions.Core.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Review;

/// <summary>Settings of the local review host (section Review).</summary>
public sealed class ReviewHostOptions
{
    public const string Section = "Review";
    public const int MinimumTokenLength = 16;

    /// <summary>The bearer token every /api request must carry.</summary>
    public string Token { get; set; } = "";

    /// <summary>The name the history records for edits made through this host; the OS user when empty.</summary>
    public string? Editor { get; set; }

    internal string EditorName => string.IsNullOrWhiteSpace(Editor) ? $"{Environment.UserName} (local)" : Editor.Trim();
}

/// <summary>
/// The review API and page on any ASP.NET Core host (<c>healthit review</c>, <c>healthit serve</c>, the tests): the same
/// paths as the Functions app, behind a bearer token from settings and answering loopback callers only.
/// </summary>
public static class ReviewHostingExtensions
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Review:Token (validated on start) and JSON/problem settings. Needs AddCore and AddInfrastructure too.</summary>
    public static IServiceCollection AddReviewHosting(this IServiceCollection services)
    {
        services.AddOptions<ReviewHostOptions>()
            .BindConfiguration(ReviewHostOptions.Section)
            .Validate(o => o.Token.Trim().Length >= ReviewHostOptions.MinimumTokenLength,
                $"Review:Token must be set to a secret of at least {ReviewHostOptions.MinimumTokenLength} characters (environment: Review__Token).")
            .ValidateOnStart();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => ReviewJson.Configure(o.SerializerOptions));
        return services;
    }

    /// <summary>Maps GET /review (the page) and the /api review endpoints.</summary>
    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/review", ServePage).AddEndpointFilter(LoopbackOnly);

        var api = endpoints.MapGroup("/api").AddEndpointFilter(LoopbackOnly).AddEndpointFilter(RequireToken);
        api.MapGet("/months/{month}/articles", (string month, string? band, string? source, string? q, string? page, string? pageSize, HttpContext http, ReviewService review) =>
            Respond(http, review.ListAsync(month, new ReviewQuery(band, source, q, page, pageSize), http.RequestAborted)));
        api.MapPatch("/articles/{id}", async (string id, HttpContext http, ReviewService review) =>
            await ReadBodyAsync(http) is { } body
                ? await Respond(http, review.EditAsync(id, body, http.Request.Headers.IfMatch.ToString(), Editor(http), http.RequestAborted))
                : TooLarge());
        api.MapPost("/months/{month}/articles", async (string month, HttpContext http, ReviewService review) =>
            await ReadBodyAsync(http) is { } body
                ? await Respond(http, review.AddAsync(month, body, Editor(http), http.RequestAborted))
                : TooLarge());
        api.MapGet("/months/{month}/bulletin/preview", (string month, string? format, HttpContext http, ReviewService review) =>
            Respond(http, review.PreviewAsync(month, format, http.RequestAborted)));
        api.MapGet("/months/{month}/bulletin", (string month, HttpContext http, ReviewService review) =>
            Respond(http, review.PlanAsync(month, http.RequestAborted)));
        api.MapPost("/months/{month}/bulletin/publish", async (string month, string? confirm, HttpContext http, ReviewService review) =>
            await ReadBodyAsync(http) is { } body
                ? await Respond(http, review.PublishAsync(month, confirm, body, http.Request.Headers.IfMatch.ToString(), Editor(http), http.RequestAborted))
                : TooLarge());
        api.MapGet("/sources", (HttpContext http, ReviewService review) => Respond(http, Task.FromResult(review.Sources())));
        api.MapGet("/articles/{id}/history", (string id, HttpContext http, ReviewService review) =>
            Respond(http, review.HistoryAsync(id, http.RequestAborted)));
        return endpoints;
    }

    private static IResult ServePage(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ReviewPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return Results.Bytes(ReviewPage.Html, ReviewPage.ContentType);
    }

    private static async Task<IResult> Respond(HttpContext http, Task<ReviewResponse> pending) => ReviewResults.ToResult(await pending, http);

    private static string Editor(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<ReviewHostOptions>>().Value.EditorName;

    // The host binds to loopback; this also holds when `serve` maps the endpoints on a host configured otherwise.
    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } address && !IPAddress.IsLoopback(address)
            ? Results.Problem("The review host answers loopback callers only.", statusCode: 403, title: "Not from this machine")
            : await next(context);

    private static async ValueTask<object?> RequireToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetRequiredService<IOptions<ReviewHostOptions>>().Value.Token.Trim();
        var header = http.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem("Send the review token as 'Authorization: Bearer <Review:Token>'.", statusCode: 401, title: "Token required");
    }

    /// <summary>The request body as text, or null when it is larger than any valid review request.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IResult TooLarge() =>
        Results.Problem($"A review request body is at most {MaxBodyBytes / 1024} KiB.", statusCode: 413, title: "Request too large");
}
