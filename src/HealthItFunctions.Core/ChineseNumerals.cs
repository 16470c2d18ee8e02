using System.Text;

namespace HealthItFunctions.Core;

/// <summary>
/// Chinese numerals both ways: written as the bulletin's 期号 (十一, not 一十一; 一百一十; 一百零五), and read as dates
/// write them (二〇二一年 digit by digit, 三十一日 with 十 as tens).
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>1 … 999 → 一 … 九百九十九, as the issues number themselves.</summary>
    public static string Format(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999);

        var hundreds = n / 100;
        var tens = n / 10 % 10;
        var units = n % 10;
        var text = new StringBuilder();
        if (hundreds > 0)
        {
            text.Append(Digits[hundreds]).Append('百');
        }

        if (tens > 0)
        {
            // A leading 十 drops its 一 (十一); after 百 it keeps it (一百一十).
            if (tens > 1 || hundreds > 0)
            {
                text.Append(Digits[tens]);
            }

            text.Append('十');
        }
        else if (hundreds > 0 && units > 0)
        {
            text.Append('零');
        }

        if (units > 0)
        {
            text.Append(Digits[units]);
        }

        return text.ToString();
    }

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
    public static int Digit(char c) => Math.Max(0, Digits.IndexOf(c));
}
