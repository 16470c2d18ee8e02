using System.Collections.Concurrent;
using System.Text;

namespace HealthItFunctions.Core.Text;

/// <summary>Maps charset labels found in headers and metas to the encodings actually used to decode.</summary>
internal static class CharsetNames
{
    /// <summary>The family of a declared charset, which decides how far the declaration is trusted.</summary>
    internal enum Family
    {
        Unknown,
        Utf8,
        Gb,
        Big5,
        /// <summary>Latin-1 and friends: Chinese sites often declare these by mistake over GBK bytes.</summary>
        Latin,
        /// <summary>A UTF-16/32 label in an ASCII-compatible document is a lie (WHATWG treats it as UTF-8).</summary>
        Utf16,
        Other,
    }

    private static readonly ConcurrentDictionary<string, Encoding?> OtherCache = new(StringComparer.OrdinalIgnoreCase);

    static CharsetNames()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // GB18030 is a superset of GB2312 and GBK, so one decoder serves every GB label; lenient by design.
        Gb18030 = Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        Big5 = Encoding.GetEncoding(950, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    /// <summary>UTF-8 without BOM emission; decoding replaces invalid sequences with U+FFFD (never throws).</summary>
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    internal static readonly Encoding Gb18030;
    internal static readonly Encoding Big5;
    internal static readonly Encoding Windows1252;
    internal static readonly Encoding Utf16LE = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    internal static readonly Encoding Utf16BE = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
    internal static readonly Encoding Utf32LE = new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: false);

    /// <summary>Forces the static constructor (provider registration) without touching an encoding.</summary>
    internal static void EnsureRegistered()
    {
    }

    internal static Family Classify(string label) => label.ToLowerInvariant() switch
    {
        "utf-8" or "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8" or "unicode20utf8" => Family.Utf8,
        "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "windows-936" or "ms936" or "euc-cn" or "x-euc-cn"
            or "csgb2312" or "chinese" or "iso-ir-58" or "gb_2312-80" or "gb_2312" or "csiso58gb231280" or "gb-2312"
            or "936" or "54936" => Family.Gb,
        "big5" or "big5-hkscs" or "x-x-big5" or "cp950" or "csbig5" or "cn-big5" or "x-big5" => Family.Big5,
        "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "windows-1252" or "cp1252" or "us-ascii" or "ascii"
            or "iso_8859-1" or "cp819" or "ibm819" or "x-cp1252" => Family.Latin,
        "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "utf-32" or "utf-32le" or "utf-32be" or "ucs-2" => Family.Utf16,
        _ => GetOther(label) is null ? Family.Unknown : Family.Other,
    };

    /// <summary>Any other label .NET knows (shift_jis, euc-kr, koi8-r...), with lenient decoding.</summary>
    internal static Encoding? GetOther(string label) => OtherCache.GetOrAdd(label, static name =>
    {
        try
        {
            var codePage = Encoding.GetEncoding(name).CodePage;
            return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        }
        catch (ArgumentException)
        {
            // Unknown labels are common in the wild ("utf8mb4", typos); they simply do not count as a declaration.
            return null;
        }
    });
}
