using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace HealthItFunctions.Local;

/// <summary>
/// The queue settings the Functions host reads from host.json (extensions.queues, and the top-level functionTimeout),
/// with the host's defaults. `healthit process` drains with them; `healthit serve` hands them to the WebJobs listener.
/// Both hosts read them through <see cref="From"/>, so they agree on the file and its overrides.
/// </summary>
public sealed record QueueHostSettings(int BatchSize = 16, int MaxDequeueCount = 5, TimeSpan? VisibilityTimeout = null)
{
    /// <summary>Null means the host's default, BatchSize / 2 per processor.</summary>
    public int? NewBatchThreshold { get; init; }

    /// <summary>The longest wait between polls of an empty queue (host default: one minute).</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one invocation may run (Flex Consumption default: 30 minutes); also bounds a timer's claim.</summary>
    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Points at another host.json than the one shipped beside the binaries (tests).</summary>
    public const string HostJsonSetting = "Serve:HostJson";

    /// <summary>
    /// The local hosts' one reading: the Functions app's host.json (<see cref="HostJsonSetting"/>, else beside the
    /// binaries, else in the working directory, which is the repository root), then the host's app-setting overrides.
    /// </summary>
    public static QueueHostSettings From(IConfiguration configuration)
    {
        var path = configuration[HostJsonSetting] is { Length: > 0 } configured ? configured
            : new[] { AppContext.BaseDirectory, Environment.CurrentDirectory }.Select(d => Path.Combine(d, "host.json")).FirstOrDefault(File.Exists);
        var settings = path is not null ? Load(path) : new QueueHostSettings();
        return settings.WithAppSettings(key => configuration[key]);
    }

    public static QueueHostSettings Load(string hostJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var timeout = root.TryGetProperty("functionTimeout", out var t) && t.ValueKind == JsonValueKind.String ? TimeSpan.Parse(t.GetString()!) : (TimeSpan?)null;
        if (!root.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
        {
            return timeout is { } onlyTimeout ? new QueueHostSettings { FunctionTimeout = onlyTimeout } : new QueueHostSettings();
        }

        int Int(string name, int fallback) => queues.TryGetProperty(name, out var v) ? v.GetInt32() : fallback;
        TimeSpan? Span(string name) => queues.TryGetProperty(name, out var v) ? TimeSpan.Parse(v.GetString()!) : null;
        var settings = new QueueHostSettings(Int("batchSize", 16), Int("maxDequeueCount", 5), Span("visibilityTimeout"))
        {
            NewBatchThreshold = queues.TryGetProperty("newBatchThreshold", out var threshold) ? threshold.GetInt32() : null,
        };
        settings = Span("maxPollingInterval") is { } polling ? settings with { MaxPollingInterval = polling } : settings;
        return timeout is { } functionTimeout ? settings with { FunctionTimeout = functionTimeout } : settings;
    }

    /// <summary>
    /// The host's override of host.json by app settings (AzureFunctionsJobHost__extensions__queues__maxDequeueCount
    /// and so on), so one deployment or one test can change a value without editing the shipped file.
    /// </summary>
    public QueueHostSettings WithAppSettings(Func<string, string?> setting)
    {
        const string Queues = "AzureFunctionsJobHost:extensions:queues:";
        int? Int(string name) => int.TryParse(setting(Queues + name), out var v) ? v : null;
        TimeSpan? Span(string key) => TimeSpan.TryParse(setting(key), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        return this with
        {
            BatchSize = Int("batchSize") ?? BatchSize,
            MaxDequeueCount = Int("maxDequeueCount") ?? MaxDequeueCount,
            NewBatchThreshold = Int("newBatchThreshold") ?? NewBatchThreshold,
            VisibilityTimeout = Span(Queues + "visibilityTimeout") ?? VisibilityTimeout,
            MaxPollingInterval = Span(Queues + "maxPollingInterval") ?? MaxPollingInterval,
            FunctionTimeout = Span("AzureFunctionsJobHost:functionTimeout") ?? FunctionTimeout,
        };
    }
}
