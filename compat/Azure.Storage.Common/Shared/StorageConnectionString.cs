namespace Azure.Storage;

/// <summary>
/// An account connection string: either UseDevelopmentStorage=true, or settings among AccountName, AccountKey,
/// SharedAccessSignature, DefaultEndpointsProtocol, EndpointSuffix and explicit BlobEndpoint/QueueEndpoint
/// (other settings, such as TableEndpoint, are for other packages and are ignored).
/// </summary>
internal sealed class StorageConnectionString
{
    // The emulator's published well-known account; not a secret.
    private const string DevelopmentAccountName = "devstoreaccount1";
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Dictionary<string, (string EndpointSetting, string SubDomain, int EmulatorPort)> s_services = new()
    {
        [Services.Blob] = ("BlobEndpoint", "blob", 10000),
        [Services.Queue] = ("QueueEndpoint", "queue", 10001),
    };

    private readonly Dictionary<string, Uri> _endpoints;

    private StorageConnectionString(StorageSharedKeyCredential sharedKeyCredential, Dictionary<string, Uri> endpoints)
    {
        SharedKeyCredential = sharedKeyCredential;
        _endpoints = endpoints;
    }

    /// <summary>Null unless the string has both AccountName and AccountKey (or is the development storage).</summary>
    public StorageSharedKeyCredential SharedKeyCredential { get; }

    public Uri BlobEndpoint => GetEndpoint(Services.Blob);

    public Uri QueueEndpoint => GetEndpoint(Services.Queue);

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = ParseSettings(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && bool.Parse(development))
        {
            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxyUri) ? new Uri(proxyUri) : new Uri("http://127.0.0.1");
            return new StorageConnectionString(
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
                s_services.ToDictionary(
                    service => service.Key,
                    service => new Uri($"{proxy.Scheme}://{proxy.Host}:{service.Value.EmulatorPort}/{DevelopmentAccountName}")));
        }

        settings.TryGetValue("AccountName", out var accountName);
        settings.TryGetValue("AccountKey", out var accountKey);
        settings.TryGetValue("SharedAccessSignature", out var sas);
        if (accountKey is not null && accountName is null)
        {
            throw new FormatException("The connection string has an AccountKey but no AccountName.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", Uri.UriSchemeHttps);
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var endpoints = new Dictionary<string, Uri>();
        foreach (var (service, (endpointSetting, subDomain, _)) in s_services)
        {
            var endpoint = settings.TryGetValue(endpointSetting, out var explicitEndpoint) ? new Uri(explicitEndpoint)
                : accountName is not null ? new Uri($"{protocol}://{accountName}.{subDomain}.{suffix}")
                : null;
            if (endpoint is not null)
            {
                // With a SAS the endpoint carries it, and every URI derived from it keeps the query.
                endpoints[service] = sas is null ? endpoint : new UriBuilder(endpoint) { Query = sas.TrimStart('?') }.Uri;
            }
        }

        if (endpoints.Count == 0)
        {
            throw new FormatException("No valid combination of account information found.");
        }

        return new StorageConnectionString(
            accountKey is null ? null : new StorageSharedKeyCredential(accountName, accountKey),
            endpoints);
    }

    private Uri GetEndpoint(string service) =>
        _endpoints.TryGetValue(service, out var endpoint)
            ? endpoint
            : throw new InvalidOperationException($"The connection string has no {service} endpoint and no AccountName to derive one from.");

    private static Dictionary<string, string> ParseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split at the first '=' only: keys and SAS tokens contain '=' themselves.
            var separator = setting.IndexOf('=');
            if (separator <= 0)
            {
                throw new FormatException($"Settings must be of the form \"name=value\"; got \"{setting}\".");
            }

            settings[setting[..separator].Trim()] = setting[(separator + 1)..].Trim();
        }

        return settings;
    }

    private static class Services
    {
        public const string Blob = "blob";
        public const string Queue = "queue";
    }
}
