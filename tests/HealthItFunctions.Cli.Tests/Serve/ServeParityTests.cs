using System.Text.Json;
using HealthItFunctions.Cli.Serve;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Serve;

/// <summary>
/// `healthit serve` must host exactly the Functions app's functions, on the same triggers and settings. The app's
/// side is its functions.metadata (what the Functions host loads); serve's side is <see cref="ServeTriggers.All"/>,
/// read from the attributes and timers serve really runs.
/// </summary>
public sealed class ServeParityTests
{
    [Fact]
    public void ServeTriggers_ComparedWithFunctionsMetadata_EveryFunctionHasItsCounterpartAndNoneExtra()
    {
        var functions = LoadFunctionsMetadata();
        var serve = ServeTriggers.All().Select(t => t.Function).ToHashSet();

        var missingInServe = functions.Keys.Where(f => !serve.Contains(f)).Order().ToList();
        var onlyInServe = serve.Where(f => !functions.ContainsKey(f)).Order().ToList();

        Assert.True(missingInServe.Count == 0, $"Functions without a `healthit serve` counterpart (add them in Cli/Serve/ServeHooks.cs): {string.Join(", ", missingInServe)}");
        Assert.True(onlyInServe.Count == 0, $"serve triggers with no function in src/HealthItFunctions: {string.Join(", ", onlyInServe)}");
    }

    [Fact]
    public void ServeTriggers_EachTrigger_BindsTheSameTypeAndSettingAsItsFunction()
    {
        var functions = LoadFunctionsMetadata();

        foreach (var trigger in ServeTriggers.All().Where(t => functions.ContainsKey(t.Function)))
        {
            var (type, binding) = functions[trigger.Function];
            Assert.Equal(type, trigger.Type, ignoreCase: true);
            Assert.Equal(binding, trigger.Binding);
        }
    }

    [Fact]
    public void ServeTriggers_Timers_EachNamesADistinctScheduleSetting()
    {
        var settings = ServeTriggers.Timers.Select(t => t.ScheduleSetting).ToList();

        Assert.Equal(settings.Count, settings.Distinct().Count());
        Assert.Contains("PollSchedule", settings);
        Assert.Contains("BulletinSchedule", settings);
    }

    /// <summary>function name → (trigger type, what it binds: the schedule, queue name or route).</summary>
    private static Dictionary<string, (string Type, string Binding)> LoadFunctionsMetadata()
    {
        // The test project builds the app first (a ProjectReference without its assembly), in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "src", "HealthItFunctions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"Build src/HealthItFunctions first: {path} is missing.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, (string, string)>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
            var type = trigger.GetProperty("type").GetString()!;
            var binding = type.ToLowerInvariant() switch
            {
                "timertrigger" => trigger.GetProperty("schedule").GetString()!,
                "queuetrigger" => trigger.GetProperty("queueName").GetString()!,
                "httptrigger" => trigger.GetProperty("route").GetString()!,
                _ => throw new Xunit.Sdk.XunitException($"{function.GetProperty("name")}: serve has no {type} yet; add one to healthit serve."),
            };
            result[function.GetProperty("name").GetString()!] = (type, binding);
        }

        return result;
    }
}
