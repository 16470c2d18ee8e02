namespace Azure.Storage.Sas;

/// <summary>A service SAS for a container or blob.</summary>
public sealed class BlobSasQueryParameters : SasQueryParameters
{
    internal BlobSasQueryParameters(IDictionary<string, string> values)
        : base(values)
    {
    }
}
