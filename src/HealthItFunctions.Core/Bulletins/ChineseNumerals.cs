using System.Text;

namespace HealthItFunctions.Core.Bulletins;

/// <summary>期号 in Chinese numerals as the issues write them: 十一 (not 一十一), 一百一十, 一百零五.</summary>
public static class ChineseNumerals
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

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
}
