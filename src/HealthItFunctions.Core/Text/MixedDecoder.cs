using System.Text;
using System.Text.Unicode;

namespace HealthItFunctions.Core.Text;

/// <summary>
/// Pages stitched from two encodings: a GBK page with a UTF-8 header, footer or ad block pasted in, or a UTF-8 page
/// quoting a GBK fragment. Each run of non-ASCII bytes is decoded by what it is: a run that is valid UTF-8 with
/// three-byte (CJK) sequences is UTF-8, any other run is GB18030. Used only when both kinds hold real text, so a
/// page of one encoding, or one with a few damaged bytes, is decoded as before.
/// </summary>
internal static class MixedDecoder
{
    /// <summary>Two CJK characters' worth of each encoding before a page counts as mixed.</summary>
    private const int MinUtf8Bytes = 6;
    private const int MinGbBytes = 4;

    public static (string Text, Encoding Majority, string Evidence)? TryDecode(ReadOnlySpan<byte> bytes)
    {
        int utf8Bytes = 0, utf8Runs = 0, gbBytes = 0, gbRuns = 0, gbPairs = 0, gbBothHigh = 0;
        for (var i = 0; i < bytes.Length;)
        {
            var skip = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var end = RunEnd(bytes, i);
            var run = bytes[i..end];
            if (IsUtf8Run(run))
            {
                utf8Bytes += run.Length;
                utf8Runs++;
            }
            else
            {
                gbBytes += run.Length;
                gbRuns++;
                CountGbPairs(run, ref gbPairs, ref gbBothHigh);
            }

            i = end;
        }

        // GB text pairs two high bytes (GB2312 hanzi); stray Latin-1 or damaged bytes do not, and stay as they were.
        if (utf8Bytes < MinUtf8Bytes || gbBytes < MinGbBytes || gbPairs < 2 || gbBothHigh * 5 < gbPairs * 4)
        {
            return null;
        }

        var text = new StringBuilder(bytes.Length);
        var plainStart = 0;
        for (var i = 0; i < bytes.Length;)
        {
            var skip = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var end = RunEnd(bytes, i);
            AppendAscii(text, bytes[plainStart..i]);
            var run = bytes[i..end];
            text.Append((IsUtf8Run(run) ? CharsetNames.Utf8 : CharsetNames.Gb18030).GetString(run));
            plainStart = i = end;
        }

        AppendAscii(text, bytes[plainStart..]);
        var majority = utf8Bytes >= gbBytes ? CharsetNames.Utf8 : CharsetNames.Gb18030;
        return (text.ToString(), majority, $"mixed:utf-8({utf8Runs} runs, {utf8Bytes} bytes)+gb18030({gbRuns} runs, {gbBytes} bytes)");
    }

    /// <summary>
    /// The end of the high-byte run starting at <paramref name="start"/>, stepping GB18030-wise so that a GBK trail byte
    /// in the ASCII range (0x40-0x7E, "丂" is 81 40) stays with its lead. A UTF-8 run may then take one ASCII letter
    /// along, which UTF-8 decodes alike.
    /// </summary>
    private static int RunEnd(ReadOnlySpan<byte> bytes, int start)
    {
        var j = start;
        while (j < bytes.Length && bytes[j] >= 0x80)
        {
            if (j + 3 < bytes.Length && bytes[j + 1] is >= 0x30 and <= 0x39 && bytes[j + 2] >= 0x81)
            {
                j += 4;
            }
            else if (j + 1 < bytes.Length && bytes[j + 1] is >= 0x40 and not 0x7F and not 0xFF)
            {
                j += 2;
            }
            else
            {
                j++;
            }
        }

        return j;
    }

    private static bool IsUtf8Run(ReadOnlySpan<byte> run)
    {
        if (!Utf8.IsValid(run))
        {
            return false;
        }

        foreach (var b in run)
        {
            if (b >= 0xE0)
            {
                return true;
            }
        }

        return false;
    }

    private static void CountGbPairs(ReadOnlySpan<byte> run, ref int pairs, ref int bothHigh)
    {
        for (var i = 0; i + 1 < run.Length; i += 2)
        {
            pairs++;
            if (run[i] >= 0xA1 && run[i + 1] >= 0xA1)
            {
                bothHigh++;
            }
        }
    }

    private static void AppendAscii(StringBuilder text, ReadOnlySpan<byte> ascii)
    {
        if (!ascii.IsEmpty)
        {
            text.Append(Encoding.ASCII.GetString(ascii));
        }
    }
}
