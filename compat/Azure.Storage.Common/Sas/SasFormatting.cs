using System.Globalization;

namespace Azure.Storage.Sas;

/// <summary>How SAS fields are written into the string-to-sign and the query string.</summary>
internal static class SasFormatting
{
    /// <summary>The signed version (sv) of the signatures the builders create; the service picks the string-to-sign layout by it.</summary>
    public const string DefaultSasVersion = "2025-11-05";

    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>Empty for an unset time, so that it is left out of both the string-to-sign and the query.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time == default ? string.Empty : time.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ToProtocolString(SasProtocol protocol) => protocol switch
    {
        SasProtocol.Https => "https",
        SasProtocol.HttpsAndHttp => "https,http",
        _ => string.Empty,
    };

    public static SasProtocol ParseProtocol(string value) => value switch
    {
        "https" => SasProtocol.Https,
        "https,http" => SasProtocol.HttpsAndHttp,
        _ => SasProtocol.None,
    };
}
