using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Review;

/// <summary>
/// Fetch reasons as an editor may read them. The fetcher's own reasons name the address a host resolved to (for the
/// logs); an API answer must not, or "add by URL" becomes a probe of the internal network (issue 19).
/// </summary>
internal static partial class FetchReasons
{
    public const string Hidden = "[address withheld]";

    public static string WithoutAddresses(string? reason) =>
        string.IsNullOrEmpty(reason) ? "no reason given" : Ipv6().Replace(Ipv4().Replace(reason, Hidden), Hidden);

    [GeneratedRegex(@"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")]
    private static partial Regex Ipv4();

    // Eight full groups, or any compressed form (it has "::"); a clock time such as 10:30:00 is neither.
    [GeneratedRegex(@"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4}::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4})(?:%\w+)?(?![\w:])")]
    private static partial Regex Ipv6();
}
