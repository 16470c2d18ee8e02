using System.Text;
using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction;

internal static partial class TextUtil
{
    /// <summary>Whitespace including the ideographic space used to indent Chinese paragraphs and zero-width characters.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200b' or '\u200c' or '\u200d' or '\ufeff';

    public static bool IsSentencePunctuation(char c) => c is '，' or '。' or '；' or '：' or '！' or '？' or '、' or '“' or '”' or '「' or '」'
        or '（' or '）' or '《' or '》' or '…' or ',' or ';' or '!' or '?' or '"';

    /// <summary>CJK ideographs (BMP and extension A) plus kana and hangul.</summary>
    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\u3040' and <= '\u30ff'
        or >= '\uac00' and <= '\ud7af' or >= '\uf900' and <= '\ufaff';

    /// <summary>Collapses whitespace runs to one space and trims.</summary>
    public static string Collapse(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (IsSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>The text with every space removed, for comparing strings that differ only in layout.</summary>
    public static string Squash(string value)
    {
        var buffer = new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (!IsSpace(c))
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer, 0, length);
    }

    public static int CountNonSpace(string value)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (!IsSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"display\s*:\s*none", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DisplayNone();
}
