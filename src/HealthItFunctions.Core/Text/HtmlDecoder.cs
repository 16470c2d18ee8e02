using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Family = HealthItFunctions.Core.Text.CharsetNames.Family;

namespace HealthItFunctions.Core.Text;

/// <summary>
/// The decoding front door shared by extraction and polling: bytes in, correctly decoded text out, whatever the
/// page claims. Chinese pages lie about their charset in both directions (UTF-8 re-saves that still declare
/// gb2312, GBK pages with no declaration, Wayback toolbars declaring utf-8 over GB bytes), so the bytes have the
/// last word over any declaration.
/// </summary>
/// <remarks>
/// Order: BOM; strictly valid UTF-8 containing non-ASCII (a truncated final sequence allowed); a page mixing UTF-8
/// and GB runs, each decoded as what it is; UTF-8 with only a sprinkle of invalid bytes; the declared charset (HTTP header, then meta/XML prolog); a GB/Big5 sniff.
/// Decoding is always lenient: invalid sequences become U+FFFD, nothing throws.
/// </remarks>
public static class HtmlDecoder
{
    // A UTF-8 page damaged in a few places still decodes far better as UTF-8 than as GB18030, whereas GB bytes read
    // as UTF-8 fail on most characters. These bounds separate the two with a wide margin.
    private const int MostlyUtf8MinValidSequences = 8;
    private const int MostlyUtf8InvalidRatio = 32;

    static HtmlDecoder() => CharsetNames.EnsureRegistered();

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="contentTypeHeader"/> is the raw HTTP Content-Type value, if known.</summary>
    public static DecodedHtml Decode(ReadOnlySpan<byte> bytes, string? contentTypeHeader = null)
    {
        if (bytes.IsEmpty)
        {
            return new DecodedHtml(string.Empty, CharsetNames.Utf8, "empty");
        }

        if (TryDecodeBom(bytes) is { } bom)
        {
            return bom;
        }

        if (TrySniffUtf16WithoutBom(bytes) is { } utf16)
        {
            return utf16;
        }

        var header = CharsetDeclarations.FromContentType(contentTypeHeader);
        var firstNonAscii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (firstNonAscii < 0)
        {
            return DecodeAscii(bytes, header);
        }

        if (IsValidUtf8AllowingTruncatedEnd(bytes[firstNonAscii..]))
        {
            return new DecodedHtml(CharsetNames.Utf8.GetString(bytes), CharsetNames.Utf8, WithIgnored("utf8-valid", bytes, header));
        }

        // Stitched pages (a GBK page with a UTF-8 block, or the reverse) are decoded run by run, not wholly as either.
        if (MixedDecoder.TryDecode(bytes[firstNonAscii..]) is { } mixed)
        {
            var prefix = Encoding.ASCII.GetString(bytes[..firstNonAscii]);
            return new DecodedHtml(prefix + mixed.Text, mixed.Majority, WithIgnored(mixed.Evidence, bytes, header));
        }

        var utf8Stats = Utf8Stats.Scan(bytes[firstNonAscii..]);
        if (utf8Stats.IsMostlyUtf8)
        {
            var evidence = WithIgnored($"utf8-mostly-valid({utf8Stats.Invalid} invalid)", bytes, header);
            return new DecodedHtml(CharsetNames.Utf8.GetString(bytes), CharsetNames.Utf8, evidence);
        }

        // The bytes are not UTF-8, so a UTF-8 (or UTF-16) claim is disproved; look for a declaration that can be right.
        var declared = header is { } h && IsUsableForNonUtf8(h.Family)
            ? h
            : CharsetDeclarations.FindInDocument(bytes, CharsetDeclarations.PrimaryScanLimit, IsUsableForNonUtf8)
              ?? CharsetDeclarations.FindInDocument(bytes, CharsetDeclarations.ExtendedScanLimit, IsUsableForNonUtf8);
        var disproved = declared is null ? FirstDeclaration(bytes, header) : null;

        if (declared is { } d)
        {
            var source = $"{d.Source}:{d.Label.ToLowerInvariant()}";
            switch (d.Family)
            {
                case Family.Gb:
                    return Make(bytes, CharsetNames.Gb18030, source);
                case Family.Big5:
                    return Make(bytes, CharsetNames.Big5, source);
                case Family.Latin:
                    // Chinese CMSs often ship GBK bytes under an iso-8859-1 label; real Latin-1 text rarely has two high bytes in a row.
                    return GbStats.Scan(bytes[firstNonAscii..]).LooksLikeGb
                        ? Make(bytes, CharsetNames.Gb18030, $"sniff:gb18030; ignored {source}")
                        : Make(bytes, CharsetNames.Windows1252, source);
                default:
                    return Make(bytes, CharsetNames.GetOther(d.Label) ?? CharsetNames.Gb18030, source);
            }
        }

        var ignored = disproved is { } x ? $"; ignored {x.Source}:{x.Label.ToLowerInvariant()}" : string.Empty;
        return GbStats.Scan(bytes[firstNonAscii..]).LooksLikeBig5
            ? Make(bytes, CharsetNames.Big5, "sniff:big5" + ignored)
            : Make(bytes, CharsetNames.Gb18030, "sniff:gb18030" + ignored);
    }

    private static DecodedHtml Make(ReadOnlySpan<byte> bytes, Encoding encoding, string evidence) =>
        new(encoding.GetString(bytes), encoding, evidence);

    private static bool IsUsableForNonUtf8(Family family) => family is Family.Gb or Family.Big5 or Family.Latin or Family.Other;

    private static CharsetDeclarations.Declaration? FirstDeclaration(ReadOnlySpan<byte> bytes, CharsetDeclarations.Declaration? header) =>
        header is { Family: not Family.Unknown } ? header : CharsetDeclarations.FindInDocument(bytes, CharsetDeclarations.PrimaryScanLimit, static f => f != Family.Unknown);

    /// <summary>Appends the declaration the bytes overruled, so logs show when a page lied.</summary>
    private static string WithIgnored(string evidence, ReadOnlySpan<byte> bytes, CharsetDeclarations.Declaration? header)
    {
        var declared = FirstDeclaration(bytes, header);
        return declared is { } d && d.Family != Family.Utf8
            ? $"{evidence}; ignored {d.Source}:{d.Label.ToLowerInvariant()}"
            : evidence;
    }

    private static DecodedHtml DecodeAscii(ReadOnlySpan<byte> bytes, CharsetDeclarations.Declaration? header)
    {
        var declared = FirstDeclaration(bytes, header);
        if (declared is { } d)
        {
            var source = $"ascii; {d.Source}:{d.Label.ToLowerInvariant()}";
            switch (d.Family)
            {
                case Family.Gb:
                    return new DecodedHtml(CharsetNames.Utf8.GetString(bytes), CharsetNames.Gb18030, source);
                case Family.Big5:
                    return new DecodedHtml(CharsetNames.Utf8.GetString(bytes), CharsetNames.Big5, source);
                case Family.Latin:
                    return new DecodedHtml(CharsetNames.Utf8.GetString(bytes), CharsetNames.Windows1252, source);
                case Family.Other when CharsetNames.GetOther(d.Label) is { } other:
                    // 7-bit encodings (HZ, ISO-2022) give ASCII bytes a different meaning, so decode with them.
                    return new DecodedHtml(other.GetString(bytes), other, source);
            }
        }

        // Every ASCII-compatible encoding reads ASCII bytes identically; the declared one is reported for callers that
        // re-encode (e.g. query strings on GBK sites).
        return new DecodedHtml(CharsetNames.Utf8.GetString(bytes), CharsetNames.Utf8, "ascii");
    }

    private static DecodedHtml? TryDecodeBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedHtml(CharsetNames.Utf8.GetString(bytes[3..]), CharsetNames.Utf8, "bom:utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new DecodedHtml(CharsetNames.Utf32LE.GetString(bytes[4..]), CharsetNames.Utf32LE, "bom:utf-32le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedHtml(CharsetNames.Utf16LE.GetString(bytes[2..]), CharsetNames.Utf16LE, "bom:utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedHtml(CharsetNames.Utf16BE.GetString(bytes[2..]), CharsetNames.Utf16BE, "bom:utf-16be");
        }

        return null;
    }

    /// <summary>BOM-less UTF-16 markup shows as ASCII interleaved with zero bytes (e.g. "&lt;\0h\0").</summary>
    private static DecodedHtml? TrySniffUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || (bytes[0] != 0 && bytes[1] != 0) || (bytes[0] == 0 && bytes[1] == 0))
        {
            return null;
        }

        var littleEndian = bytes[1] == 0;
        var sample = bytes[..Math.Min(bytes.Length & ~1, 256)];
        int units = 0, asciiUnits = 0;
        for (var i = 0; i < sample.Length; i += 2, units++)
        {
            var high = littleEndian ? sample[i + 1] : sample[i];
            var low = littleEndian ? sample[i] : sample[i + 1];
            if (high == 0 && low != 0)
            {
                asciiUnits++;
            }
        }

        // Markup keeps UTF-16 text at least half ASCII even on CJK pages; 8-bit pages have no zero bytes at all.
        if (asciiUnits * 2 < units)
        {
            return null;
        }

        var encoding = littleEndian ? CharsetNames.Utf16LE : CharsetNames.Utf16BE;
        return new DecodedHtml(encoding.GetString(bytes), encoding, littleEndian ? "sniff:utf-16le" : "sniff:utf-16be");
    }

    /// <summary>Strict UTF-8 validation, except that a sequence cut off by the end of the buffer is accepted
    /// (downloads capped at a byte limit cut pages mid-character).</summary>
    internal static bool IsValidUtf8AllowingTruncatedEnd(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return true;
        }

        var start = bytes.Length - 1;
        while (start >= 0 && bytes.Length - start <= 3 && (bytes[start] & 0xC0) == 0x80)
        {
            start--;
        }

        return start >= 0
            && bytes.Length - start <= 3
            && Rune.DecodeFromUtf8(bytes[start..], out _, out _) == OperationStatus.NeedMoreData
            && Utf8.IsValid(bytes[..start]);
    }

    /// <summary>Counts well-formed and malformed UTF-8 sequences, stopping as soon as the verdict is clear.</summary>
    private readonly record struct Utf8Stats(int Valid, int Invalid)
    {
        public bool IsMostlyUtf8 => Valid >= MostlyUtf8MinValidSequences && Invalid * MostlyUtf8InvalidRatio <= Valid;

        public static Utf8Stats Scan(ReadOnlySpan<byte> bytes)
        {
            int valid = 0, invalid = 0;
            var i = 0;
            while (i < bytes.Length)
            {
                var skip = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
                var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
                if (status == OperationStatus.Done)
                {
                    valid++;
                }
                else if (status == OperationStatus.InvalidData)
                {
                    invalid++;
                    if (invalid > 16 && invalid * MostlyUtf8InvalidRatio > valid)
                    {
                        break;
                    }
                }

                i += Math.Max(consumed, 1);
            }

            return new Utf8Stats(valid, invalid);
        }
    }

    /// <summary>Byte-pair statistics that tell GB (GB2312 hanzi: both bytes ≥ 0xA1) from Big5 (about half the trail
    /// bytes below 0x80, lead never below 0xA1) and from Latin-1 (isolated high bytes).</summary>
    private readonly record struct GbStats(int Pairs, int BothHigh, int LowTrail, int LowLead)
    {
        public bool LooksLikeGb => Pairs >= 2 && BothHigh * 5 >= Pairs * 4;

        public bool LooksLikeBig5 => Pairs >= 20 && LowTrail * 5 > Pairs && LowLead * 50 < Pairs;

        public static GbStats Scan(ReadOnlySpan<byte> bytes)
        {
            int pairs = 0, bothHigh = 0, lowTrail = 0, lowLead = 0;
            var i = 0;
            // A sample is enough to tell the families apart; whole pages would only cost time.
            var limit = Math.Min(bytes.Length, 64 * 1024);
            while (i < limit)
            {
                var skip = bytes[i..limit].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
                var lead = bytes[i];
                if (lead is 0x80 or 0xFF || i + 1 >= bytes.Length)
                {
                    i++;
                    continue;
                }

                var trail = bytes[i + 1];
                if (trail is >= 0x30 and <= 0x39)
                {
                    // GB18030 four-byte sequence: neither Big5 nor Latin-1 produces high-digit-high-digit runs.
                    i += 4;
                    continue;
                }

                pairs++;
                if (trail >= 0xA1)
                {
                    bothHigh++;
                }
                else if (trail is >= 0x40 and < 0x80)
                {
                    lowTrail++;
                }

                if (lead < 0xA1)
                {
                    lowLead++;
                }

                i += 2;
            }

            return new GbStats(pairs, bothHigh, lowTrail, lowLead);
        }
    }
}
