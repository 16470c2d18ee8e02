namespace HealthItFunctions.Core.Tests.Bulletins;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(19, "十九")]
    [InlineData(20, "二十")]
    [InlineData(27, "二十七")]
    [InlineData(28, "二十八")]
    [InlineData(36, "三十六")]
    [InlineData(41, "四十一")]
    [InlineData(99, "九十九")]
    [InlineData(100, "一百")]
    [InlineData(101, "一百零一")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    [InlineData(111, "一百一十一")]
    [InlineData(120, "一百二十")]
    [InlineData(200, "二百")]
    [InlineData(305, "三百零五")]
    [InlineData(999, "九百九十九")]
    public void Format_Sample_WritesItAsTheIssuesDo(int number, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Format(number));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Format_OutsideOneTo999_Throws(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumerals.Format(number));

    [Fact]
    public void Format_EveryNumberOneTo999_DistinctWellFormedNumerals()
    {
        var all = Enumerable.Range(1, 999).Select(ChineseNumerals.Format).ToList();

        Assert.Equal(999, all.Distinct().Count());
        Assert.All(all, s => Assert.Matches("^[一二三四五六七八九]?百?零?[一二三四五六七八九]?十?[一二三四五六七八九]?$", s));
        Assert.DoesNotContain(all, s => s.StartsWith("一十", StringComparison.Ordinal) || s.EndsWith('零') || s.Contains("零十", StringComparison.Ordinal));
    }

    [Fact]
    public void Number_EveryFormattedNumberOneTo99_ReadsBackTheSameNumber() =>
        Assert.All(Enumerable.Range(1, 99), n => Assert.Equal(n, ChineseNumerals.Number(ChineseNumerals.Format(n))));

    [Theory]
    [InlineData("二〇二一", 2021)]
    [InlineData("二○二一", 2021)]
    [InlineData("二零二一", 2021)]
    public void Year_DigitByDigit_ReadsEveryZeroShape(string year, int expected) =>
        Assert.Equal(expected, ChineseNumerals.Year(year));
}
