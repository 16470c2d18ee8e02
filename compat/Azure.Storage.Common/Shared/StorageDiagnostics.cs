using Azure.Core;

namespace Azure.Storage;

/// <summary>What the clients' request logs may show unredacted, as the official options allow.</summary>
internal static class StorageDiagnostics
{
    private static readonly string[] s_headerNames =
    [
        "x-ms-error-code",
        "x-ms-version",
        "x-ms-date",
        "x-ms-blob-type",
        "x-ms-blob-public-access",
        "x-ms-creation-time",
        "x-ms-version-id",
        "x-ms-time-next-visible",
        "Content-MD5",
        "If-Match",
        "If-None-Match",
        "If-Modified-Since",
        "If-Unmodified-Since",
        "Last-Modified",
    ];

    private static readonly string[] s_queryParameters =
    [
        "restype",
        "comp",
        "prefix",
        "include",
        "marker",
        "maxresults",
        "numofmessages",
        "peekonly",
        "visibilitytimeout",
        "messagettl",
        "sv",
        "sr",
        "sp",
        "se",
        "st",
        "spr",
    ];

    public static void AllowStorageLogging(this DiagnosticsOptions diagnostics)
    {
        foreach (var name in s_headerNames)
        {
            diagnostics.LoggedHeaderNames.Add(name);
        }

        foreach (var name in s_queryParameters)
        {
            diagnostics.LoggedQueryParameters.Add(name);
        }
    }
}
