using System.Text;

namespace Azure.Storage.Sas;

/// <summary>The query parameters of a shared access signature, as appended to a resource URI.</summary>
public class SasQueryParameters
{
    protected SasQueryParameters(IDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            switch (name.ToLowerInvariant())
            {
                case SasParameterNames.Version: Version = value; break;
                case SasParameterNames.Protocol: Protocol = SasFormatting.ParseProtocol(value); break;
                case SasParameterNames.StartsOn: StartsOn = SasFormatting.ParseTime(value); break;
                case SasParameterNames.ExpiresOn: ExpiresOn = SasFormatting.ParseTime(value); break;
                case SasParameterNames.Identifier: Identifier = value; break;
                case SasParameterNames.Resource: Resource = value; break;
                case SasParameterNames.Permissions: Permissions = value; break;
                case SasParameterNames.Signature: Signature = value; break;
                case SasParameterNames.CacheControl: CacheControl = value; break;
                case SasParameterNames.ContentDisposition: ContentDisposition = value; break;
                case SasParameterNames.ContentEncoding: ContentEncoding = value; break;
                case SasParameterNames.ContentLanguage: ContentLanguage = value; break;
                case SasParameterNames.ContentType: ContentType = value; break;
            }
        }
    }

    public string CacheControl { get; } = string.Empty;

    public string ContentDisposition { get; } = string.Empty;

    public string ContentEncoding { get; } = string.Empty;

    public string ContentLanguage { get; } = string.Empty;

    public string ContentType { get; } = string.Empty;

    public DateTimeOffset ExpiresOn { get; }

    public string Identifier { get; } = string.Empty;

    public string Permissions { get; } = string.Empty;

    public SasProtocol Protocol { get; }

    public string Resource { get; } = string.Empty;

    public string Signature { get; } = string.Empty;

    public DateTimeOffset StartsOn { get; }

    public string Version { get; } = string.Empty;

    /// <summary>The URL-encoded query string, without a leading '?'.</summary>
    public override string ToString()
    {
        var query = new StringBuilder();
        void Append(string name, string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        Append(SasParameterNames.Version, Version);
        Append(SasParameterNames.Protocol, SasFormatting.ToProtocolString(Protocol));
        Append(SasParameterNames.StartsOn, SasFormatting.FormatTime(StartsOn));
        Append(SasParameterNames.ExpiresOn, SasFormatting.FormatTime(ExpiresOn));
        Append(SasParameterNames.Identifier, Identifier);
        Append(SasParameterNames.Resource, Resource);
        Append(SasParameterNames.Permissions, Permissions);
        Append(SasParameterNames.CacheControl, CacheControl);
        Append(SasParameterNames.ContentDisposition, ContentDisposition);
        Append(SasParameterNames.ContentEncoding, ContentEncoding);
        Append(SasParameterNames.ContentLanguage, ContentLanguage);
        Append(SasParameterNames.ContentType, ContentType);
        Append(SasParameterNames.Signature, Signature);
        return query.ToString();
    }
}
