namespace Azure.Data.Tables;

/// <summary>The parts of a storage connection string that a Table client needs.</summary>
internal sealed record TableConnectionString(Uri TableEndpoint, string AccountName, TableSharedKeyCredential? Credential)
{
    // The storage emulator's well-known account; its key is published in Microsoft's documentation.
    private const string DevelopmentAccountName = "devstoreaccount1";
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const int DevelopmentTablePort = 10002;

    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Dictionary<string, string> settings = ParseSettings(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out string? useDevelopment)
            && bool.TryParse(useDevelopment, out bool isDevelopment) && isDevelopment)
        {
            Uri proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out string? proxyUri) ? new Uri(proxyUri) : new Uri("http://127.0.0.1");
            var endpoint = new UriBuilder(proxy.Scheme, proxy.Host, DevelopmentTablePort, DevelopmentAccountName).Uri;
            return new TableConnectionString(endpoint, DevelopmentAccountName, new TableSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new NotSupportedException("SAS connection strings are not supported by this Azure.Data.Tables stand-in; use an account key or a TokenCredential.");
        }

        settings.TryGetValue("AccountName", out string? accountName);
        Uri tableEndpoint;
        if (settings.TryGetValue("TableEndpoint", out string? explicitEndpoint))
        {
            tableEndpoint = new Uri(explicitEndpoint);
        }
        else if (accountName is not null)
        {
            string protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            string suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            tableEndpoint = new Uri($"{protocol}://{accountName}.table.{suffix}");
        }
        else
        {
            throw new FormatException("The connection string has neither TableEndpoint nor AccountName, so the Table endpoint is unknown.");
        }

        accountName ??= TableEndpointInfo.GetAccountName(tableEndpoint);
        TableSharedKeyCredential? credential = settings.TryGetValue("AccountKey", out string? accountKey)
            ? new TableSharedKeyCredential(accountName, accountKey)
            : null;
        return new TableConnectionString(tableEndpoint, accountName, credential);
    }

    private static Dictionary<string, string> ParseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split at the first '=' only: base64 account keys end with '='.
            int separator = segment.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                // The segment is not echoed: it may hold part of a key.
                throw new FormatException("A connection string segment is not of the form Name=Value.");
            }

            settings[segment[..separator].Trim()] = segment[(separator + 1)..].Trim();
        }

        return settings;
    }
}
