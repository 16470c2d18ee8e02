using System.Net;

namespace Azure.Data.Tables;

internal static class TableEndpointInfo
{
    /// <summary>
    /// The account name an endpoint addresses: the first path segment for path-style endpoints
    /// (emulators: an IP address or localhost), else the first label of the host name.
    /// </summary>
    public static string GetAccountName(Uri endpoint)
    {
        if (IsPathStyle(endpoint))
        {
            return endpoint.AbsolutePath.Trim('/').Split('/')[0];
        }

        return endpoint.Host.Split('.')[0];
    }

    private static bool IsPathStyle(Uri endpoint) =>
        endpoint.IsLoopback || IPAddress.TryParse(endpoint.Host, out _);
}
