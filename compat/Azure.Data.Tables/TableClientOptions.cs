using Azure.Core;

namespace Azure.Data.Tables;

/// <summary>Options for <see cref="TableClient"/> and <see cref="TableServiceClient"/>: service version, retries, transport, diagnostics.</summary>
public class TableClientOptions : ClientOptions
{
    /// <summary>Creates options for the given service version.</summary>
    public TableClientOptions(ServiceVersion serviceVersion = ServiceVersion.V2020_12_06)
    {
        VersionString = serviceVersion switch
        {
            ServiceVersion.V2019_02_02 => "2019-02-02",
            ServiceVersion.V2020_12_06 => "2020-12-06",
            _ => throw new ArgumentOutOfRangeException(nameof(serviceVersion), serviceVersion, "Unknown Table service version."),
        };

        // Query options carry no secrets and are what one needs to read a request log.
        foreach (string parameter in new[] { "$filter", "$select", "$top", "NextPartitionKey", "NextRowKey", "NextTableName" })
        {
            Diagnostics.LoggedQueryParameters.Add(parameter);
        }
    }

    /// <summary>The Table service REST API versions this client can speak.</summary>
    public enum ServiceVersion
    {
        /// <summary>2019-02-02.</summary>
        V2019_02_02 = 1,

        /// <summary>2020-12-06.</summary>
        V2020_12_06 = 2,
    }

    internal string VersionString { get; }
}
