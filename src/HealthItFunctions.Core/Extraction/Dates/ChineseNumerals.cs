namespace HealthItFunctions.Core.Extraction.Dates;

/// <summary>Chinese numerals as dates write them: 二〇二一年 digit by digit, 三十一日 with 十 as tens.</summary>
internal static class ChineseNumerals
{
    /// <summary>二〇二一 → 2021 (digit by digit).</summary>
    public static int Year(ReadOnlySpan<char> s)
    {
        var year = 0;
        foreach (var c in s)
        {
            year = (year * 10) + Digit(c);
        }

        return year;
    }

    /// <summary>一 … 三十一 → 1 … 31; 0 for a shape that is no number up to 99.</summary>
    public static int Number(ReadOnlySpan<char> s)
    {
        var ten = s.IndexOf('十');
        if (ten < 0)
        {
            return s.Length == 1 ? Digit(s[0]) : 0;
        }

        var tens = ten == 0 ? 1 : Digit(s[0]);
        var ones = ten == s.Length - 1 ? 0 : Digit(s[ten + 1]);
        return (ten > 1 || s.Length - ten > 2) ? 0 : (tens * 10) + ones;
    }

    /// <summary>一 … 九 → 1 … 9; 〇, ○, 零 and anything else → 0.</summary>
    public static int Digit(char c) => c switch
    {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0,
    };
}
