using HealthItFunctions.Local;
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
    public const string DevelopmentAccountName = AzuriteProcess.AccountName;
    public const string DevelopmentAccountKey = AzuriteProcess.AccountKey;
    private static int s_nameCounter;

    private AzuriteProcess? _azurite;

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

        await StartAzuriteAsync();
    }

    public ValueTask DisposeAsync()
    {
        StopAzurite();
        return ValueTask.CompletedTask;
    }

    private async Task StartAzuriteAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(RepositoryPaths.Root);
        BlobEndpoint = _azurite.BlobEndpoint;
        QueueEndpoint = _azurite.QueueEndpoint;
        TableEndpoint = _azurite.TableEndpoint;
        ConnectionString = _azurite.ConnectionString;
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
    }
}
