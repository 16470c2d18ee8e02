using System.Reflection;
using System.Text.Json;
using HealthItFunctions.Cli.Serve;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Serve;

/// <summary>
/// Serve binds exactly the app's functions, read from the app: what serve reads from the app assembly agrees with the
/// functions.metadata the Functions SDK generated from the same app (what the Functions host loads), and a built serve
/// host exposes each of them once on the engine for its trigger. No list of functions is written here or in the CLI.
/// </summary>
public sealed class ServeBindingTests
{
    [Fact]
    public void AppFunctions_ComparedWithFunctionsMetadata_SameFunctionsTriggersAndBindings()
    {
        var metadata = LoadFunctionsMetadata();

        var read = AppFunctions.Read().ToDictionary(f => f.Name, f => (f.Trigger.Type.ToLowerInvariant(), f.Trigger.Binding));

        Assert.Equal(metadata.OrderBy(m => m.Key), read.OrderBy(r => r.Key));
    }

    [Fact]
    public void Build_ServeHost_BindsEachAppFunctionOnTheEngineForItsTrigger()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Polling:UserAgentContact"] = "ops@example.org",
            ["PollSchedule"] = "0 */30 * * * *",
            ["BulletinSchedule"] = "0 5 16 * * *",
            ["DigestSchedule"] = "0 0 0 * * *",
            ["Serve:Port"] = "0",
        };

        var serve = ServeHost.Build(settings, new ServeLogging());

        var metadata = LoadFunctionsMetadata();
        var http = ((IEndpointRouteBuilder)serve.App).DataSources.SelectMany(d => d.Endpoints).Select(e => e.DisplayName).OfType<string>();
        var jobs = serve.App.Services.GetRequiredService<ITypeLocator>().GetTypes()
            .SelectMany(t => t.GetMethods()).Select(m => m.GetCustomAttribute<FunctionNameAttribute>()?.Name).OfType<string>();
        var timers = serve.Timers.Select(t => t.Timer.Name);
        Assert.Equal(Names(metadata, "httptrigger"), http.Order());
        Assert.Equal(Names(metadata, "queuetrigger"), jobs.Order());
        Assert.Equal(Names(metadata, "timertrigger"), timers.Order());
    }

    [Fact]
    public void Build_HttpOnly_BindsTheHttpFunctionsAlone()
    {
        var serve = ServeHost.Build(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Polling:UserAgentContact"] = "ops@example.org",
            ["Serve:Port"] = "0",
        }, new ServeLogging(), httpOnly: true);

        Assert.Empty(serve.Timers);
        Assert.Null(serve.App.Services.GetService<ITypeLocator>());
        Assert.Equal(Names(LoadFunctionsMetadata(), "httptrigger"),
            ((IEndpointRouteBuilder)serve.App).DataSources.SelectMany(d => d.Endpoints).Select(e => e.DisplayName).OfType<string>().Order());
    }

    private static IEnumerable<string> Names(Dictionary<string, (string Type, string Binding)> metadata, string type) =>
        metadata.Where(m => m.Value.Type == type).Select(m => m.Key).Order();

    /// <summary>function name → (trigger type, what it binds: the schedule, queue name or route), from the app's build output.</summary>
    private static Dictionary<string, (string Type, string Binding)> LoadFunctionsMetadata()
    {
        // The CLI references the app, so the app is built first, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "src", "HealthItFunctions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"Build src/HealthItFunctions first: {path} is missing.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, (string, string)>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
            var type = trigger.GetProperty("type").GetString()!.ToLowerInvariant();
            var binding = type switch
            {
                "timertrigger" => trigger.GetProperty("schedule").GetString()!,
                "queuetrigger" => trigger.GetProperty("queueName").GetString()!,
                "httptrigger" => trigger.GetProperty("route").GetString()!,
                _ => throw new Xunit.Sdk.XunitException($"{function.GetProperty("name")}: a {type} serve cannot host."),
            };
            result[function.GetProperty("name").GetString()!] = (type, binding);
        }

        return result;
    }
}
