using System.Text;

namespace HealthItFunctions.Core.Text;

/// <summary>
/// Finds charset declarations without decoding: the HTTP Content-Type header, <c>&lt;meta charset&gt;</c>,
/// <c>&lt;meta http-equiv content="...; charset=..."&gt;</c> and the XML prolog (RSS feeds share this front door).
/// Only meta tags count: <c>&lt;script charset="utf-8"&gt;</c> on GBK pages is common and says nothing about the page.
/// </summary>
internal static class CharsetDeclarations
{
    /// <summary>How far the first look goes; WHATWG's prescan uses 1 KB, real Chinese pages put long titles and
    /// keyword metas first, so a little more is cheap insurance.</summary>
    internal const int PrimaryScanLimit = 4096;

    /// <summary>Wayback captures inject a toolbar (declaring utf-8) before the original head; the original meta can
    /// sit well past 4 KB. Only scanned when the bytes contradict what the first 4 KB said.</summary>
    internal const int ExtendedScanLimit = 64 * 1024;

    private const int MaxLabelLength = 40;

    internal readonly record struct Declaration(string Label, string Source, CharsetNames.Family Family);

    /// <summary>The charset parameter of a Content-Type header value, if any.</summary>
    internal static Declaration? FromContentType(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var at = header.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var rest = header.AsSpan(at + 7).TrimStart();
            if (rest.Length > 0 && rest[0] == '=')
            {
                rest = rest[1..].TrimStart().TrimStart("\"'");
                var end = 0;
                while (end < rest.Length && end < MaxLabelLength && IsLabelChar(rest[end]))
                {
                    end++;
                }

                if (end > 0)
                {
                    var label = rest[..end].ToString();
                    return new Declaration(label, "header", CharsetNames.Classify(label));
                }
            }

            at = header.IndexOf("charset", at + 7, StringComparison.OrdinalIgnoreCase);
        }

        return null;
    }

    /// <summary>The first declaration in the first <paramref name="limit"/> bytes that <paramref name="accept"/> admits.</summary>
    internal static Declaration? FindInDocument(ReadOnlySpan<byte> bytes, int limit, Func<CharsetNames.Family, bool> accept)
    {
        var window = bytes[..Math.Min(bytes.Length, limit)];
        var i = 0;
        while (i < window.Length)
        {
            var lt = window[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                break;
            }

            i += lt;
            var tag = window[i..];
            if (tag.StartsWith("<!--"u8))
            {
                // Commented-out metas are inert for browsers, so they must not count here either.
                var close = tag[4..].IndexOf("-->"u8);
                if (close < 0)
                {
                    break;
                }

                i += 4 + close + 3;
                continue;
            }

            var isMeta = tag.Length > 5 && Ascii.EqualsIgnoreCase(tag[1..5], "meta"u8) && IsTagNameEnd(tag[5]);
            var isXmlProlog = !isMeta && tag.StartsWith("<?xml"u8);
            if (!isMeta && !isXmlProlog)
            {
                i++;
                continue;
            }

            var gt = tag.IndexOf((byte)'>');
            if (gt < 0 && window.Length < bytes.Length)
            {
                // The window cut this tag; a truncated label ("gb2" of "gb2312") must not count.
                break;
            }

            var body = gt < 0 ? tag : tag[..gt];
            var label = isMeta ? ValueAfter(body, "charset"u8) : ValueAfter(body, "encoding"u8);
            if (label is not null)
            {
                var family = CharsetNames.Classify(label);
                if (accept(family))
                {
                    return new Declaration(label, isMeta ? "meta" : "xml", family);
                }
            }

            if (gt < 0)
            {
                break;
            }

            i += gt + 1;
        }

        return null;
    }

    /// <summary>The label after <c>name</c>, skipping <c>=</c>, spaces and quotes; null if absent or empty.</summary>
    private static string? ValueAfter(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name)
    {
        var first = (byte)(name[0] & ~0x20);
        for (var i = 0; i + name.Length <= tag.Length; i++)
        {
            var at = tag[i..].IndexOfAny(first, (byte)(first | 0x20));
            if (at < 0)
            {
                return null;
            }

            i += at;
            if (i + name.Length > tag.Length || !Ascii.EqualsIgnoreCase(tag.Slice(i, name.Length), name))
            {
                continue;
            }

            var j = i + name.Length;
            j = SkipSpaces(tag, j);
            if (j >= tag.Length || tag[j] != (byte)'=')
            {
                continue;
            }

            j = SkipSpaces(tag, j + 1);
            while (j < tag.Length && (tag[j] == (byte)'"' || tag[j] == (byte)'\''))
            {
                j++;
            }

            var end = j;
            while (end < tag.Length && end - j < MaxLabelLength && IsLabelChar((char)tag[end]))
            {
                end++;
            }

            if (end > j)
            {
                return Encoding.ASCII.GetString(tag[j..end]);
            }
        }

        return null;
    }

    private static int SkipSpaces(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && (s[i] == (byte)' ' || s[i] == (byte)'\t' || s[i] == (byte)'\r' || s[i] == (byte)'\n'))
        {
            i++;
        }

        return i;
    }

    private static bool IsTagNameEnd(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>';

    private static bool IsLabelChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
