using System.Text;

namespace HealthItFunctions.Core.Text;

/// <summary>
/// The one gate for text that leaves the system (bulletin, mail, API, archive). XML 1.0 — and so Word, and every
/// XML-based reader — cannot carry C0 controls other than tab and newline, lone surrogates, or the noncharacters
/// U+FFFE/U+FFFF; a single one in a title made the Word renderer throw, every day, until found. A page can plant them
/// through an entity (<c>&amp;#xFFFE;</c>) and an editor through an edit, so extraction and editor input pass here, and
/// the renderers pass here again as their last guard.
/// </summary>
/// <remarks>
/// Removed: C0 controls except tab and newline, DEL and the C1 controls (U+007F–U+009F; nothing legitimate in a news
/// page uses them, and they are where mis-decoded bytes land), noncharacters (U+FDD0–U+FDEF and the last two code
/// points of every plane). A carriage return becomes a newline (CR LF one newline). A lone surrogate becomes U+FFFD, so
/// a broken character stays visible instead of gluing its neighbours. Everything else, including valid pairs (emoji,
/// CJK extension B), is kept as written. Text already clean is returned as the same instance, without allocating.
/// </remarks>
public static class TextSanitizer
{
    public const char Replacement = '\uFFFD';

    /// <summary>The text with everything XML cannot carry removed (see remarks); null stays null.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var first = FirstInvalid(value);
        if (first < 0)
        {
            return value;
        }

        var clean = new StringBuilder(value.Length);
        clean.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (!IsNoncharacter(char.ConvertToUtf32(c, value[i + 1])))
                {
                    clean.Append(c).Append(value[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append(Replacement);
            }
            else if (c == '\r')
            {
                clean.Append('\n');
                if (i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (!IsRemovedChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Each entry through <see cref="Clean"/>; the same list when nothing changed.</summary>
    public static IReadOnlyList<string> Clean(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[]? cleaned = null;
        for (var i = 0; i < values.Count; i++)
        {
            var clean = Clean(values[i]);
            if (!ReferenceEquals(clean, values[i]))
            {
                cleaned ??= [.. values];
                cleaned[i] = clean;
            }
        }

        return cleaned ?? values;
    }

    /// <summary>
    /// The text <see cref="Clean"/>ed and on one line: every control (tab and newline included) and the Unicode line and
    /// paragraph separators become a space, and the ends are trimmed. For a title line, a mail subject, a file name.
    /// </summary>
    public static string SingleLine(string? value)
    {
        var clean = Clean(value ?? string.Empty);
        var text = new StringBuilder(clean.Length);
        foreach (var c in clean)
        {
            text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return text.ToString().Trim();
    }

    /// <summary>True when <see cref="Clean"/> would return the text unchanged.</summary>
    public static bool IsClean(string? value) => value is null || FirstInvalid(value) < 0;

    /// <summary>Index of the first character <see cref="Clean"/> would change, or -1.</summary>
    private static int FirstInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsRemovedChar(c))
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, value[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsRemovedChar(char c) =>
        c < ' ' ? c is not ('\t' or '\n') : c is >= '\u007f' and <= '\u009f' or >= '\ufdd0' and <= '\ufdef' or '\ufffe' or '\uffff';

    /// <summary>U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in every plane: Unicode reserves them for internal use, XML refuses the BMP pair.</summary>
    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
