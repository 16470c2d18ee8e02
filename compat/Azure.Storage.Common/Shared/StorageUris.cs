namespace Azure.Storage;

/// <summary>Building resource URIs from names and reading names back, for both URI styles the services use.</summary>
internal static class StorageUris
{
    // Ports of the storage emulators, whose URIs put the account in the path whatever the host name.
    private static readonly HashSet<int> s_emulatorPorts = [10000, 10001, 10002, 10003, 10004];

    /// <summary>
    /// True for path-style URIs (http://127.0.0.1:10000/account/container), as the emulators and IP endpoints use;
    /// false for host-style ones (https://account.blob.core.windows.net/container).
    /// </summary>
    public static bool IsPathStyle(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || s_emulatorPorts.Contains(uri.Port);

    /// <summary>Appends a resource name below the URI's path, keeping its query (a SAS, say).</summary>
    public static Uri AppendName(Uri uri, string name)
    {
        var builder = new UriBuilder(uri);
        builder.Path = builder.Path.TrimEnd('/') + "/" + EscapeName(name);
        return builder.Uri;
    }

    /// <summary>Adds query parameters, skipping those without a value and keeping the ones already there (a SAS, say).</summary>
    public static Uri AppendQuery(Uri uri, params (string Name, string Value)[] parameters)
    {
        var builder = new UriBuilder(uri);
        var query = new List<string>();
        if (builder.Query.Length > 1)
        {
            query.Add(builder.Query[1..]);
        }

        query.AddRange(parameters
            .Where(parameter => !string.IsNullOrEmpty(parameter.Value))
            .Select(parameter => parameter.Name + "=" + Uri.EscapeDataString(parameter.Value)));
        builder.Query = string.Join('&', query);
        return builder.Uri;
    }

    public static string GetAccountName(Uri uri)
    {
        if (IsPathStyle(uri))
        {
            var path = uri.AbsolutePath.TrimStart('/');
            var slash = path.IndexOf('/');
            return path.Length == 0 ? null : Uri.UnescapeDataString(slash < 0 ? path : path[..slash]);
        }

        var dot = uri.Host.IndexOf('.');
        return dot > 0 ? uri.Host[..dot] : null;
    }

    /// <summary>
    /// Splits the path after the account (for path-style URIs) into the first name (a container or queue)
    /// and the rest (a blob name, which may contain '/'), both unescaped; each is null when absent.
    /// </summary>
    public static (string First, string Remainder) GetResourceNames(Uri uri)
    {
        var path = uri.AbsolutePath.TrimStart('/');
        if (IsPathStyle(uri))
        {
            var accountEnd = path.IndexOf('/');
            path = accountEnd < 0 ? string.Empty : path[(accountEnd + 1)..];
        }

        var slash = path.IndexOf('/');
        var first = slash < 0 ? path : path[..slash];
        var rest = slash < 0 ? string.Empty : path[(slash + 1)..];
        return (first.Length == 0 ? null : Uri.UnescapeDataString(first), rest.Length == 0 ? null : Uri.UnescapeDataString(rest));
    }

    /// <summary>Escapes a name for a path, keeping '/' so that virtual directories stay readable (a/b.txt).</summary>
    private static string EscapeName(string name) =>
        string.Join('/', name.Split('/').Select(Uri.EscapeDataString));
}
