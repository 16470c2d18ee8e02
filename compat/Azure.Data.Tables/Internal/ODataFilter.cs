using System.Globalization;
using System.Text;

namespace Azure.Data.Tables;

/// <summary>Turns an interpolated string into an OData filter, writing each argument as an OData literal.</summary>
internal static class ODataFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        object?[] literals = filter.GetArguments().Select((argument, index) => (object?)ToLiteral(argument, index)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    private static string ToLiteral(object? argument, int index) => argument switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        sbyte or byte or short or ushort or int or uint or decimal or float or double => Convert.ToString(argument, CultureInfo.InvariantCulture)!,
        long or ulong => Convert.ToString(argument, CultureInfo.InvariantCulture) + "L",
        Guid guid => $"guid'{guid:D}'",
        byte[] bytes => $"X'{Convert.ToHexString(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexString(data.ToMemory().Span)}'",
        DateTimeOffset moment => DateTimeLiteral(moment.UtcDateTime),
        DateTime moment => DateTimeLiteral(moment.ToUniversalTime()),
        string text => Quote(text),
        char character => Quote(character.ToString()),
        StringBuilder text => Quote(text.ToString()),
        _ => throw new ArgumentException($"Argument {index} of type {argument.GetType()} has no OData literal form.", nameof(argument)),
    };

    private static string DateTimeLiteral(DateTime utc) =>
        $"datetime'{utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)}'";

    // OData string literals escape a single quote by doubling it.
    private static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
