using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// The app's HTTP functions on Kestrel, at /api/{route} with the methods their triggers declare, as the Functions
/// host routes them. Serve's one auth scheme stands in for function keys and App Service Authentication: a function
/// that needs a key needs `Authorization: Bearer &lt;Review:Token&gt;`, and the signed-in editor is Review:Editor.
/// </summary>
internal static class HttpFunctions
{
    /// <summary>The headers App Service Authentication sets; serve, like it, never lets a caller send its own.</summary>
    private static readonly string[] PrincipalHeaders = ["X-MS-CLIENT-PRINCIPAL", "X-MS-CLIENT-PRINCIPAL-NAME", "X-MS-CLIENT-PRINCIPAL-ID", "X-MS-CLIENT-PRINCIPAL-IDP"];

    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<AppFunction> functions)
    {
        foreach (var function in functions)
        {
            var binding = (HttpBinding)function.Trigger;
            var pattern = "/api/" + binding.Route.TrimStart('/');
            RequestDelegate handler = http => InvokeAsync(http, function, binding);
            var endpoint = binding.Methods.Count > 0 ? endpoints.MapMethods(pattern, binding.Methods, handler) : endpoints.Map(pattern, handler);
            endpoint.WithDisplayName(function.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext http, AppFunction function, HttpBinding binding)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<ServeOptions>>().Value;
        foreach (var header in PrincipalHeaders)
        {
            http.Request.Headers.Remove(header);
        }

        if (binding.Level != AuthorizationLevel.Anonymous)
        {
            if (!HasToken(http.Request, options.Token))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem("Send the token as 'Authorization: Bearer <Review:Token>' (serve prints it at start when it made one).",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Token required").ExecuteAsync(http);
                return;
            }

            http.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = options.EditorName;
        }

        var bindingData = http.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        var result = await http.RequestServices.GetRequiredService<FunctionInvoker>().InvokeAsync(function, http.Request, bindingData!, http.RequestAborted);
        await ((IResult?)result ?? Results.NoContent()).ExecuteAsync(http);
    }

    private static bool HasToken(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        var offered = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        return token.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(token));
    }
}
