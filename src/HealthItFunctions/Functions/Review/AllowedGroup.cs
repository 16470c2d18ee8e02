using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Functions.Review;

/// <summary>Who may use the HTTP functions in Azure beyond signing in (section Review).</summary>
public sealed class ReviewAccessOptions
{
    public const string Section = "Review";

    /// <summary>Object id of the Entra ID group allowed in; empty admits every user App Service Authentication signs in.</summary>
    public string? AllowedGroup { get; set; }
}

/// <summary>
/// App Service Authentication signs in any user of the tenant (issue 19). When Review:AllowedGroup is set, an HTTP
/// call whose signed-in principal is not in that group gets 403 before any function runs. It is worker middleware,
/// so it runs under the Functions host only: locally `healthit serve` has one scheme, the bearer token.
/// </summary>
internal sealed class AllowedGroupMiddleware(IOptions<ReviewAccessOptions> options) : IFunctionsWorkerMiddleware
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (options.Value.AllowedGroup is { Length: > 0 } group
            && context.GetHttpContext() is { } http
            && !IsMember(http.Request.Headers[PrincipalHeader].ToString(), group))
        {
            context.GetInvocationResult().Value = Results.Problem(
                "Your account is signed in but is not in the group allowed to use the review (setting Review:AllowedGroup); ask an administrator to add you.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not in the review group");
            return;
        }

        await next(context);
    }

    /// <summary>Whether the base64 JSON principal App Service Authentication forwards carries a "groups" claim equal to <paramref name="group"/>.</summary>
    internal static bool IsMember(string? encodedPrincipal, string group)
    {
        if (string.IsNullOrWhiteSpace(encodedPrincipal))
        {
            return false;
        }

        try
        {
            using var principal = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encodedPrincipal)));
            return principal.RootElement.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Array
                && claims.EnumerateArray().Any(c =>
                    c.TryGetProperty("typ", out var type) && type.GetString() == "groups"
                    && c.TryGetProperty("val", out var value) && string.Equals(value.GetString(), group, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }
}
