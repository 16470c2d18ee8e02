namespace Azure.Storage.Sas;

/// <summary>Names of the service SAS query parameters.</summary>
internal static class SasParameterNames
{
    public const string Version = "sv";
    public const string Protocol = "spr";
    public const string StartsOn = "st";
    public const string ExpiresOn = "se";
    public const string Identifier = "si";
    public const string Resource = "sr";
    public const string Permissions = "sp";
    public const string Signature = "sig";
    public const string CacheControl = "rscc";
    public const string ContentDisposition = "rscd";
    public const string ContentEncoding = "rsce";
    public const string ContentLanguage = "rscl";
    public const string ContentType = "rsct";
}
