using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Tests.Bulletins;

public sealed class BulletinMonthTests
{
    [Theory]
    [InlineData("2021-09-01T07:00:00+08:00", "2021-09")]
    [InlineData("2021-08-01T05:00:00+08:00", "2021-08")]
    [InlineData("2021-08-31T20:00:00Z", "2021-09")]
    [InlineData("2021-08-31T15:59:59Z", "2021-08")]
    [InlineData("2021-12-31T16:00:00Z", "2022-01")]
    public void BeijingMonthOf_Instant_MonthInAsiaShanghai(string instant, string expected) =>
        Assert.Equal(expected, BulletinMonth.BeijingMonthOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Parse_YearMonth_RoundTripsAndKnowsItsDays()
    {
        var month = BulletinMonth.Parse("2020-02");

        Assert.Equal((2020, 2), (month.Year, month.Month));
        Assert.Equal("2020-02", month.ToString());
        Assert.Equal(new DateOnly(2020, 2, 1), month.FirstDay);
        Assert.Equal(new DateOnly(2020, 2, 29), month.LastDay);
    }

    [Fact]
    public void PreviousNext_AcrossYearEnd_Wrap()
    {
        Assert.Equal(new BulletinMonth(2020, 12), new BulletinMonth(2021, 1).Previous);
        Assert.Equal(new BulletinMonth(2022, 1), new BulletinMonth(2021, 12).Next);
        Assert.True(new BulletinMonth(2021, 12) < new BulletinMonth(2022, 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2021-13")]
    [InlineData("2021/08")]
    [InlineData("202108")]
    [InlineData("2021-8-1")]
    public void TryParse_NotAMonth_False(string? text)
    {
        Assert.False(BulletinMonth.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => BulletinMonth.Parse(text));
        }
    }

    [Fact]
    public void Constructor_MonthOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BulletinMonth(2021, 13));
}
