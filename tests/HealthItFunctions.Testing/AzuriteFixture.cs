using Xunit;

namespace HealthItFunctions.Testing;

/// <summary>
/// Storage for integration tests: Azurite from the repository's node_modules on free loopback ports,
/// in memory, stopped by PID. Set <see cref="ConnectionStringVariable"/> to test against an existing
/// account instead (then nothing is started).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "HEALTHIT_TEST_STORAGE";

    // The emulator's published well-known account; not a secret.
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static int s_nameCounter;

    private ChildProcess? _azurite;
    private string? _workDirectory;

    public string ConnectionString { get; private set; } = "";

    public string AccountName { get; private set; } = DevelopmentAccountName;

    public string AccountKey { get; private set; } = DevelopmentAccountKey;

    public Uri BlobEndpoint { get; private set; } = null!;

    public Uri QueueEndpoint { get; private set; } = null!;

    public Uri TableEndpoint { get; private set; } = null!;

    /// <summary>True when the tests run against Azurite started by this fixture.</summary>
    public bool IsEmulator => _azurite is not null;

    /// <summary>
    /// A name no other test uses, valid for a table, a blob container and a queue alike:
    /// lowercase letters and digits, starting with a letter, at most 63 characters.
    /// </summary>
    public string UniqueName(string prefix)
    {
        var clean = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }

        var suffix = $"{Interlocked.Increment(ref s_nameCounter)}{Guid.NewGuid():N}"[..12];
        return (clean.Length > 50 ? clean[..50] : clean) + suffix;
    }

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            UseConnectionString(external);
            return;
        }

        // A port taken between asking and binding makes Azurite exit; try again with new ports.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAzuriteAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < attempts)
            {
                StopAzurite();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        StopAzurite();
        return ValueTask.CompletedTask;
    }

    private async Task StartAzuriteAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException(
                $"Azurite is not installed at {script}. Run `npm ci` in the repository root first.", script);
        }

        var ports = FreePorts.Take(3);
        _workDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        // --skipApiVersionCheck: the current SDKs send storage API versions newer than Azurite 3.35.0 knows
        // (the blob client sends 2026-10-06) and Azurite would refuse every request without it.
        _azurite = ChildProcess.Start("node",
        [
            script,
            "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(),
        ],
        // Azurite may still drop debug files in its working directory; keep them out of the repository.
        workingDirectory: _workDirectory);

        try
        {
            foreach (var port in ports)
            {
                await FreePorts.WaitUntilListeningAsync(port, StartTimeout, () => _azurite.HasExited);
            }
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException)
        {
            throw new InvalidOperationException($"Azurite did not start on ports {string.Join(", ", ports)}:\n{_azurite.Output}", e);
        }

        BlobEndpoint = new Uri($"http://127.0.0.1:{ports[0]}/{DevelopmentAccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{ports[1]}/{DevelopmentAccountName}");
        TableEndpoint = new Uri($"http://127.0.0.1:{ports[2]}/{DevelopmentAccountName}");
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
            $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";
    }

    private void UseConnectionString(string connectionString)
    {
        var parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);

        string Required(string key) => parts.TryGetValue(key, out var value)
            ? value
            : throw new InvalidOperationException($"{ConnectionStringVariable} must contain {key}=...");

        AccountName = Required("AccountName");
        AccountKey = Required("AccountKey");
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri Endpoint(string key, string service) => new(parts.TryGetValue(key, out var explicitEndpoint)
            ? explicitEndpoint
            : $"{protocol}://{AccountName}.{service}.{suffix}");

        BlobEndpoint = Endpoint("BlobEndpoint", "blob");
        QueueEndpoint = Endpoint("QueueEndpoint", "queue");
        TableEndpoint = Endpoint("TableEndpoint", "table");
        ConnectionString = connectionString;
    }

    private void StopAzurite()
    {
        _azurite?.Dispose();
        _azurite = null;
        if (_workDirectory is not null && Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }

        _workDirectory = null;
    }
}
