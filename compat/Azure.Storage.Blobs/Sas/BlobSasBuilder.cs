using System.Text;

namespace Azure.Storage.Sas;

/// <summary>Builds a service SAS for a container or a blob, signed with the account key.</summary>
public class BlobSasBuilder
{
    // Permission letters in the order the service expects them in sp=.
    private static readonly (BlobSasPermissions Permission, char Letter)[] s_permissionLetters =
    [
        (BlobSasPermissions.Read, 'r'),
        (BlobSasPermissions.Add, 'a'),
        (BlobSasPermissions.Create, 'c'),
        (BlobSasPermissions.Write, 'w'),
        (BlobSasPermissions.Delete, 'd'),
        (BlobSasPermissions.DeleteBlobVersion, 'x'),
        (BlobSasPermissions.PermanentDelete, 'y'),
        (BlobSasPermissions.List, 'l'),
        (BlobSasPermissions.Tag, 't'),
        (BlobSasPermissions.Move, 'm'),
        (BlobSasPermissions.Execute, 'e'),
        (BlobSasPermissions.SetImmutabilityPolicy, 'i'),
    ];

    public BlobSasBuilder(BlobSasPermissions permissions, DateTimeOffset expiresOn)
    {
        ExpiresOn = expiresOn;
        SetPermissions(permissions);
    }

    public string BlobContainerName { get; set; }

    /// <summary>The blob the SAS grants access to; empty for a container SAS.</summary>
    public string BlobName { get; set; }

    public string CacheControl { get; set; }

    public string ContentDisposition { get; set; }

    public string ContentEncoding { get; set; }

    public string ContentLanguage { get; set; }

    public string ContentType { get; set; }

    public DateTimeOffset ExpiresOn { get; set; }

    /// <summary>A stored access policy on the container that supplies the permissions and times.</summary>
    public string Identifier { get; set; }

    public string Permissions { get; private set; }

    public SasProtocol Protocol { get; set; }

    /// <summary>"b" for a blob, "c" for a container; derived from <see cref="BlobName"/> when signing.</summary>
    public string Resource { get; set; }

    public DateTimeOffset StartsOn { get; set; }

    public void SetPermissions(BlobSasPermissions permissions) =>
        Permissions = new string(s_permissionLetters.Where(entry => permissions.HasFlag(entry.Permission)).Select(entry => entry.Letter).ToArray());

    public void SetPermissions(string rawPermissions) => Permissions = rawPermissions;

    /// <summary>A copy aimed at the given blob, for a client signing for its own blob.</summary>
    internal BlobSasBuilder ForBlob(string blobContainerName, string blobName)
    {
        if (!string.IsNullOrEmpty(BlobContainerName) && BlobContainerName != blobContainerName
            || !string.IsNullOrEmpty(BlobName) && BlobName != blobName)
        {
            throw new ArgumentException(
                "The builder's BlobContainerName and BlobName must be left empty or match the client's blob.", "builder");
        }

        var copy = (BlobSasBuilder)MemberwiseClone();
        copy.BlobContainerName = blobContainerName;
        copy.BlobName = blobName;
        return copy;
    }

    public BlobSasQueryParameters ToSasQueryParameters(StorageSharedKeyCredential sharedKeyCredential)
    {
        ArgumentNullException.ThrowIfNull(sharedKeyCredential);
        if (string.IsNullOrEmpty(BlobContainerName))
        {
            throw new InvalidOperationException("A blob SAS needs the BlobContainerName.");
        }

        if (string.IsNullOrEmpty(Identifier) && (ExpiresOn == default || string.IsNullOrEmpty(Permissions)))
        {
            throw new InvalidOperationException("A SAS without a stored access policy (Identifier) needs ExpiresOn and Permissions.");
        }

        Resource = string.IsNullOrEmpty(BlobName) ? "c" : "b";
        var values = new Dictionary<string, string>
        {
            [SasParameterNames.Version] = SasFormatting.DefaultSasVersion,
            [SasParameterNames.Protocol] = SasFormatting.ToProtocolString(Protocol),
            [SasParameterNames.StartsOn] = SasFormatting.FormatTime(StartsOn),
            [SasParameterNames.ExpiresOn] = SasFormatting.FormatTime(ExpiresOn),
            [SasParameterNames.Identifier] = Identifier,
            [SasParameterNames.Resource] = Resource,
            [SasParameterNames.Permissions] = Permissions,
            [SasParameterNames.CacheControl] = CacheControl,
            [SasParameterNames.ContentDisposition] = ContentDisposition,
            [SasParameterNames.ContentEncoding] = ContentEncoding,
            [SasParameterNames.ContentLanguage] = ContentLanguage,
            [SasParameterNames.ContentType] = ContentType,
        };
        values[SasParameterNames.Signature] = sharedKeyCredential.ComputeHMACSHA256(StringToSign(values, sharedKeyCredential.AccountName));
        return new BlobSasQueryParameters(values.Where(value => !string.IsNullOrEmpty(value.Value)).ToDictionary());
    }

    /// <summary>The service SAS string-to-sign for signed versions 2020-12-06 and later.</summary>
    private string StringToSign(Dictionary<string, string> values, string accountName)
    {
        var canonicalName = new StringBuilder("/blob/").Append(accountName).Append('/').Append(BlobContainerName);
        if (Resource == "b")
        {
            canonicalName.Append('/').Append(BlobName);
        }

        string[] fields =
        [
            values[SasParameterNames.Permissions],
            values[SasParameterNames.StartsOn],
            values[SasParameterNames.ExpiresOn],
            canonicalName.ToString(),
            values[SasParameterNames.Identifier],
            string.Empty, // signedIP
            values[SasParameterNames.Protocol],
            values[SasParameterNames.Version],
            values[SasParameterNames.Resource],
            string.Empty, // signedSnapshotTime
            string.Empty, // signedEncryptionScope
            values[SasParameterNames.CacheControl],
            values[SasParameterNames.ContentDisposition],
            values[SasParameterNames.ContentEncoding],
            values[SasParameterNames.ContentLanguage],
            values[SasParameterNames.ContentType],
        ];
        return string.Join('\n', fields.Select(field => field ?? string.Empty));
    }
}
