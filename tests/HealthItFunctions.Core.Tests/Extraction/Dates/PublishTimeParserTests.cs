using System.Globalization;
using HealthItFunctions.Core.Extraction.Dates;
using Microsoft.Extensions.Time.Testing;

namespace HealthItFunctions.Core.Tests.Extraction.Dates;

public class PublishTimeParserTests
{
    /// <summary>Saturday 2021-03-27 12:00 in Beijing: every relative and year-less case below is relative to this.</summary>
    internal static readonly DateTimeOffset Fetched = new(2021, 3, 27, 12, 0, 0, TimeSpan.FromHours(8));

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly PublishTimeParser _parser = new(PublishTimeParser.China, TimeProvider.System);

    /// <summary>Asserts a Beijing wall-clock time ("yyyy-MM-dd HH:mm:ss") at +08:00 with the given precision.</summary>
    internal static void AssertTime(PublishTime? actual, string expectedLocal, TimePrecision precision)
    {
        Assert.NotNull(actual);
        var expected = new DateTimeOffset(DateTime.ParseExact(expectedLocal, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), China);
        Assert.Equal(expected, actual.Value.Value);
        Assert.Equal(China, actual.Value.Value.Offset);
        Assert.Equal(precision, actual.Value.Precision);
    }

    [Theory]
    [InlineData("2021-03-26 10:30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("2021-03-26 10:30:15", "2021-03-26 10:30:15", TimePrecision.Second)]
    [InlineData("2021-03-26", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2005-5-7 21:23:57", "2005-05-07 21:23:57", TimePrecision.Second)]
    [InlineData("2021-1-29 13:18", "2021-01-29 13:18:00", TimePrecision.Minute)]
    [InlineData("2019-09-11 01:53", "2019-09-11 01:53:00", TimePrecision.Minute)]
    [InlineData("2020-04-24 00:00:00", "2020-04-24 00:00:00", TimePrecision.Second)]
    [InlineData("2021/03/26", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2021/3/26 9:05", "2021-03-26 09:05:00", TimePrecision.Minute)]
    [InlineData("2021.03.26", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2021.3.26 10:30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("2021-03-26 10:30:00.0", "2021-03-26 10:30:00", TimePrecision.Second)]
    [InlineData("发布时间：2021-03-26 10:30 来源：新华网", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("[2021-03-26]", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2021-03-26 星期五 10:30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("2021/3/26 10:30:00 PM", "2021-03-26 22:30:00", TimePrecision.Second)]
    [InlineData("2021/3/26 12:05 AM", "2021-03-26 00:05:00", TimePrecision.Minute)]
    [InlineData("2022-12-31", "2022-12-31 00:00:00", TimePrecision.Day)]
    [InlineData("1990-01-01", "1990-01-01 00:00:00", TimePrecision.Day)]
    [InlineData("2021-03-26-10:30:15", "2021-03-26 10:30:15", TimePrecision.Second)] // gov.cn firstpublishedtime
    [InlineData("2021-03-26-10:30", "2021-03-26 00:00:00", TimePrecision.Day)] // a hyphen and hh:mm alone may be an offset
    public void Parse_NumericDates_ReturnsExpected(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Theory]
    [InlineData("2021年3月26日", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2021年03月26日 10:30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("2019年06月15日08:18", "2019-06-15 08:18:00", TimePrecision.Minute)]
    [InlineData("2019年09月09日 18:13:22", "2019-09-09 18:13:22", TimePrecision.Second)]
    [InlineData("2021年3月26日 下午3:05", "2021-03-26 15:05:00", TimePrecision.Minute)]
    [InlineData("2021年3月26日 上午11:20", "2021-03-26 11:20:00", TimePrecision.Minute)]
    [InlineData("2021年3月26日 晚上8:00", "2021-03-26 20:00:00", TimePrecision.Minute)]
    [InlineData("2021年3月26日 下午15:00", "2021-03-26 15:00:00", TimePrecision.Minute)]
    [InlineData("2021年3月26日 中午12:30", "2021-03-26 12:30:00", TimePrecision.Minute)]
    [InlineData("2021年3月26日 凌晨12:30", "2021-03-26 00:30:00", TimePrecision.Minute)]
    [InlineData("2021年3月26日 10时30分", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("2021年3月26日10时30分15秒", "2021-03-26 10:30:15", TimePrecision.Second)]
    [InlineData("2021 年 3 月 26 日", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2021年3月26号", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2021年3月26", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2021年3月26日（星期五）09:00", "2021-03-26 09:00:00", TimePrecision.Minute)]
    [InlineData("2021年3月26日 周五", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("二〇二一年三月二十六日", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("二○二〇年十二月三十一日", "2020-12-31 00:00:00", TimePrecision.Day)]
    [InlineData("二〇二〇年十月一日", "2020-10-01 00:00:00", TimePrecision.Day)]
    public void Parse_ChineseDates_ReturnsExpected(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Theory]
    [InlineData("２０２１年３月２６日　１０：３０", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("２０２１－０３－２６　１０：３０：１５", "2021-03-26 10:30:15", TimePrecision.Second)]
    [InlineData("发布时间：２０２１／３／２６", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("2021年３月２６日 10：30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("2021-03-26\u00A010:30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("１小时前", "2021-03-27 11:00:00", TimePrecision.Minute)]
    public void Parse_FullWidthAndOddSpaces_ReturnsExpected(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Theory]
    [InlineData("2017-03-01T06:27:02.000Z", "2017-03-01 14:27:02", TimePrecision.Second)]
    [InlineData("2020-02-19T10:00:00+08:00", "2020-02-19 10:00:00", TimePrecision.Second)]
    [InlineData("2020-02-19T02:00:00+0000", "2020-02-19 10:00:00", TimePrecision.Second)]
    [InlineData("2021-03-26T10:30Z", "2021-03-26 18:30:00", TimePrecision.Minute)]
    [InlineData("2021-03-26T10:30:00-05:00", "2021-03-26 23:30:00", TimePrecision.Second)]
    [InlineData("2021-03-26T10:30:00", "2021-03-26 10:30:00", TimePrecision.Second)]
    [InlineData("2021-03-26 02:30:00 UTC", "2021-03-26 10:30:00", TimePrecision.Second)]
    [InlineData("2021-03-26 10:30:00 +0800", "2021-03-26 10:30:00", TimePrecision.Second)]
    [InlineData("2021-03-26T23:30:00.123456Z", "2021-03-27 07:30:00", TimePrecision.Second)]
    [InlineData("<meta property=\"article:published_time\" content=\"2019-09-23T07:48:00+08:00\">", "2019-09-23 07:48:00", TimePrecision.Second)]
    public void Parse_Iso8601_ConvertsToChinaTime(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Theory]
    [InlineData("Tue, 23 Mar 2021 08:00:00 GMT", "2021-03-23 16:00:00", TimePrecision.Second)]
    [InlineData("Tue, 23 Mar 2021 08:00:00 +0800", "2021-03-23 08:00:00", TimePrecision.Second)]
    [InlineData("23 Mar 2021 08:00 GMT", "2021-03-23 16:00:00", TimePrecision.Minute)]
    [InlineData("Fri, 26 Mar 2021 10:30:00 CST", "2021-03-26 10:30:00", TimePrecision.Second)]
    [InlineData("Fri, 26 Mar 2021 10:30:00 EST", "2021-03-26 23:30:00", TimePrecision.Second)]
    [InlineData("<pubDate>Wed, 02 Oct 2019 15:00:00 +0000</pubDate>", "2019-10-02 23:00:00", TimePrecision.Second)]
    [InlineData("Tuesday, 23 March 2021", "2021-03-23 00:00:00", TimePrecision.Day)]
    public void Parse_Rfc1123_ConvertsToChinaTime(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Theory]
    [InlineData("var ct = \"1595750400\";", "2020-07-26 16:00:00")]
    [InlineData("var ct=\"1595750400\"*1;", "2020-07-26 16:00:00")]
    [InlineData("{\"publish_time\": 1595750400, \"id\": 7}", "2020-07-26 16:00:00")]
    [InlineData("window.pubTime = '1595750400000';", "2020-07-26 16:00:00")]
    [InlineData("createTime:1595750400", "2020-07-26 16:00:00")]
    [InlineData("\"ts\":1616731200", "2021-03-26 12:00:00")]
    public void Parse_UnixTimestampInScript_ReturnsSecondPrecision(string text, string expected) =>
        AssertTime(_parser.Parse(text, Fetched), expected, TimePrecision.Second);

    [Theory]
    [InlineData("发布时间：18-03-08 23:16", "2018-03-08 23:16:00", TimePrecision.Minute)]
    [InlineData("18-03-08", "2018-03-08 00:00:00", TimePrecision.Day)]
    [InlineData("20/12/31 08:00", "2020-12-31 08:00:00", TimePrecision.Minute)]
    public void Parse_UnambiguousTwoDigitYear_ReturnsExpected(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Theory]
    [InlineData("3月26日", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("3月27日", "2021-03-27 00:00:00", TimePrecision.Day)]
    [InlineData("3月28日", "2020-03-28 00:00:00", TimePrecision.Day)]
    [InlineData("12月31日 09:00", "2020-12-31 09:00:00", TimePrecision.Minute)]
    [InlineData("2月29日", "2020-02-29 00:00:00", TimePrecision.Day)]
    [InlineData("03-26 10:30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("10-08 12:00", "2020-10-08 12:00:00", TimePrecision.Minute)]
    [InlineData("3/26 10:30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("３月２６日　１０：３０", "2021-03-26 10:30:00", TimePrecision.Minute)]
    public void Parse_YearlessDates_InfersMostRecentYearNotAfterFetch(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Theory]
    [InlineData("3月26日", 2019, "2019-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("10-08 12:00", 2018, "2018-10-08 12:00:00", TimePrecision.Minute)]
    [InlineData("12月31日", 2021, "2021-12-31 00:00:00", TimePrecision.Day)]
    public void Parse_YearlessDatesWithHint_UsesHint(string text, int hint, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched, hint), expected, precision);

    [Theory]
    [InlineData("发布时间：10-08 12:00", "2020-10-08 12:00:00")]
    [InlineData("发布时间:03-26 10:30", "2021-03-26 10:30:00")]
    [InlineData("时间：3/26 10:30", "2021-03-26 10:30:00")]
    public void Parse_YearlessDateAfterLabelColon_InfersYear(string text, string expected) =>
        AssertTime(_parser.Parse(text, Fetched), expected, TimePrecision.Minute);

    [Fact]
    public void Parse_TimeRangeLikeDigitsAfterClock_NotReadAsYearlessDate() =>
        Assert.Null(_parser.Parse("10:30-12 14:00", Fetched));

    [Fact]
    public void Parse_YearHint_DoesNotOverrideExplicitYear() =>
        AssertTime(_parser.Parse("2020-05-01", Fetched, 2019), "2020-05-01 00:00:00", TimePrecision.Day);

    [Fact]
    public void Parse_Feb29WithNonLeapHint_ReturnsNull() => Assert.Null(_parser.Parse("2月29日", Fetched, 2021));

    [Theory]
    [InlineData("刚刚", "2021-03-27 12:00:00", TimePrecision.Minute)]
    [InlineData("30秒前", "2021-03-27 11:59:30", TimePrecision.Second)]
    [InlineData("5分钟前", "2021-03-27 11:55:00", TimePrecision.Minute)]
    [InlineData("3小时前", "2021-03-27 09:00:00", TimePrecision.Minute)]
    [InlineData("3 小时前", "2021-03-27 09:00:00", TimePrecision.Minute)]
    [InlineData("3个小时前", "2021-03-27 09:00:00", TimePrecision.Minute)]
    [InlineData("13小时前", "2021-03-26 23:00:00", TimePrecision.Minute)]
    [InlineData("2天前", "2021-03-25 00:00:00", TimePrecision.Day)]
    [InlineData("1周前", "2021-03-20 00:00:00", TimePrecision.Day)]
    [InlineData("今天 08:15", "2021-03-27 08:15:00", TimePrecision.Minute)]
    [InlineData("今天 下午3:30", "2021-03-27 15:30:00", TimePrecision.Minute)]
    [InlineData("昨天 10:30", "2021-03-26 10:30:00", TimePrecision.Minute)]
    [InlineData("昨天10:30:20", "2021-03-26 10:30:20", TimePrecision.Second)]
    [InlineData("昨日 21:00", "2021-03-26 21:00:00", TimePrecision.Minute)]
    [InlineData("昨天", "2021-03-26 00:00:00", TimePrecision.Day)]
    [InlineData("前天", "2021-03-25 00:00:00", TimePrecision.Day)]
    [InlineData("前天 23:59", "2021-03-25 23:59:00", TimePrecision.Minute)]
    public void Parse_RelativeDates_RelativeToFetchTime(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Fact]
    public void Parse_RelativeDateWithUtcFetchTime_UsesChinaCalendarDay()
    {
        // 20:00 UTC on the 26th is already the 27th in Beijing, so 昨天 is the 26th, not the 25th.
        var fetchedUtc = new DateTimeOffset(2021, 3, 26, 20, 0, 0, TimeSpan.Zero);

        AssertTime(_parser.Parse("昨天 10:30", fetchedUtc), "2021-03-26 10:30:00", TimePrecision.Minute);
    }

    [Theory]
    [InlineData("昨天 10:30")]
    [InlineData("前天")]
    [InlineData("今天 08:15")]
    [InlineData("3小时前")]
    [InlineData("刚刚")]
    [InlineData("3月26日")]
    [InlineData("10-08 12:00")]
    public void Parse_RelativeOrYearlessWithUnknownFetchTime_ReturnsNull(string text)
    {
        // A saved page of unknown age: resolving 昨天 against today's clock would invent a date.
        var parser = new PublishTimeParser(PublishTimeParser.China, new FakeTimeProvider(Fetched));

        Assert.Null(parser.Parse(text, fetchedAt: null));
        Assert.Empty(parser.FindAll(text, fetchedAt: null));
    }

    [Fact]
    public void Parse_YearlessWithHintAndUnknownFetchTime_UsesHint() =>
        AssertTime(new PublishTimeParser(PublishTimeParser.China, new FakeTimeProvider(Fetched)).Parse("3月26日 10:30", null, 2019), "2019-03-26 10:30:00", TimePrecision.Minute);

    [Fact]
    public void Parse_AbsoluteWithUnknownFetchTime_ReturnsDate() =>
        AssertTime(new PublishTimeParser(PublishTimeParser.China, new FakeTimeProvider(Fetched)).Parse("发布时间：昨天 2021-03-20 09:00", null), "2021-03-20 09:00:00", TimePrecision.Minute);

    [Fact]
    public void Parse_FutureYearWithUnknownFetchTime_ClockBoundsPlausibility() =>
        Assert.Null(new PublishTimeParser(PublishTimeParser.China, new FakeTimeProvider(Fetched)).Parse("2023-01-01", null));

    [Fact]
    public void Parse_RelativeAcrossMonthBoundary_ReturnsPreviousMonth()
    {
        var fetched = new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

        AssertTime(_parser.Parse("前天 10:00", fetched), "2021-02-27 10:00:00", TimePrecision.Minute);
    }

    [Theory]
    [InlineData("2021-13-01")]
    [InlineData("2021-02-30")]
    [InlineData("2021-02-29")]
    [InlineData("2021-04-31")]
    [InlineData("2021-00-10")]
    [InlineData("2021-03-00")]
    [InlineData("2021年13月1日")]
    [InlineData("2021年2月30日")]
    [InlineData("1985-01-01")]
    [InlineData("1989年12月31日")]
    [InlineData("2023-01-01")]
    [InlineData("3099-01-01")]
    [InlineData("13月5日")]
    [InlineData("2月30日")]
    [InlineData("Tue, 30 Feb 2021 08:00:00 GMT")]
    public void Parse_ImpossibleDates_ReturnsNull(string text) => Assert.Null(_parser.Parse(text, Fetched));

    [Theory]
    [InlineData("10-03-08")]
    [InlineData("18-13-08")]
    [InlineData("25-03-08 10:00")]
    [InlineData("18-03-08-09")]
    public void Parse_AmbiguousOrImpossibleTwoDigitYear_ReturnsNull(string text) => Assert.Null(_parser.Parse(text, Fetched));

    [Theory]
    [InlineData("")]
    [InlineData("来源：新华网 作者：张三")]
    [InlineData("今日头条")]
    [InlineData("昨日，国务院常务会议召开")]
    [InlineData("访问量：1595750400")]
    [InlineData("http://www.xinhuanet.com/c_1125597921.htm")]
    [InlineData("var id = \"1595750400\";")]
    [InlineData("var ct = \"0000000001\";")]
    [InlineData("var ct = \"9999999999\";")]
    [InlineData("电话：010-12345678")]
    [InlineData("1-10月全市医疗卫生投资稳中有升")]
    [InlineData("第3-4版")]
    [InlineData("版本 1.2.3")]
    [InlineData("共 12 条 第 1/3 页")]
    [InlineData("10:30")]
    [InlineData("前天津市委书记")]
    [InlineData("12345分钟前")]
    [InlineData("9999天前")]
    public void Parse_TextWithoutADate_ReturnsNull(string text) => Assert.Null(_parser.Parse(text, Fetched));

    [Theory]
    [InlineData("2021-03-26 25:00", "2021-03-26 00:00:00")]
    [InlineData("2021-03-26 10:75", "2021-03-26 00:00:00")]
    [InlineData("2021年3月26日 23:59:60", "2021-03-26 00:00:00")]
    public void Parse_ImpossibleClockTime_KeepsDateOnly(string text, string expected) =>
        AssertTime(_parser.Parse(text, Fetched), expected, TimePrecision.Day);

    [Fact]
    public void Parse_ExplicitYearAfterRelative_PrefersExplicitYear() =>
        AssertTime(_parser.Parse("昨天 10:30 首发于 2021-03-20", Fetched), "2021-03-20 00:00:00", TimePrecision.Day);

    [Fact]
    public void Parse_TwoExplicitDates_ReturnsFirst() =>
        AssertTime(_parser.Parse("2021-03-26 10:30 更新于 2021-03-27 08:00", Fetched), "2021-03-26 10:30:00", TimePrecision.Minute);

    [Fact]
    public void Parse_OnlyRelative_ReturnsRelative() =>
        AssertTime(_parser.Parse("发布于 昨天 10:30 阅读 1234", Fetched), "2021-03-26 10:30:00", TimePrecision.Minute);

    [Fact]
    public void Parse_CustomZone_ReturnsValuesInThatZone()
    {
        var parser = new PublishTimeParser(TimeZoneInfo.Utc, TimeProvider.System);

        var local = parser.Parse("2021-03-26 10:30", Fetched);
        var iso = parser.Parse("2017-03-01T06:27:02+08:00", Fetched);

        Assert.Equal(new DateTimeOffset(2021, 3, 26, 10, 30, 0, TimeSpan.Zero), local?.Value);
        Assert.Equal(new DateTimeOffset(2017, 2, 28, 22, 27, 2, TimeSpan.Zero), iso?.Value);
        Assert.Equal(TimeSpan.Zero, iso?.Value.Offset);
    }

    [Theory]
    [InlineData("2021年3月", 2021, 3)]
    [InlineData("——《北京之春》1996年3月号", 1996, 3)]
    [InlineData("2009年11月", 2009, 11)]
    [InlineData("2001年6月刊", 2001, 6)]
    public void Parse_MonthOnly_ReturnsMonthPrecision(string text, int year, int month)
    {
        var time = _parser.Parse(text, Fetched);

        Assert.Equal(TimePrecision.Month, time?.Precision);
        Assert.Equal(new DateTimeOffset(year, month, 1, 0, 0, 0, China), time?.Value);
        Assert.Equal($"{year:0000}-{month:00}", time?.ToIsoString());
    }

    [Theory]
    [InlineData("2009年11月出台的规划，2010-03-05 10:30 发布", "2010-03-05 10:30:00", TimePrecision.Minute)]
    [InlineData("2009年11月5日", "2009-11-05 00:00:00", TimePrecision.Day)]
    public void Parse_MonthOnlyBesideFullDate_FullDateWins(string text, string expected, TimePrecision precision) =>
        AssertTime(_parser.Parse(text, Fetched), expected, precision);

    [Theory]
    [InlineData("2021年13月")]
    [InlineData("0000年3月")]
    [InlineData("1985年3月")]
    public void Parse_ImpossibleMonthOnly_ReturnsNull(string text) => Assert.Null(_parser.Parse(text, Fetched));

    [Fact]
    public void Parse_NullText_Throws() => Assert.Throws<ArgumentNullException>(() => _parser.Parse(null!, Fetched));

    [Fact]
    public void China_Default_IsAsiaShanghaiAtPlusEight()
    {
        Assert.Equal(TimeSpan.FromHours(8), PublishTimeParser.China.GetUtcOffset(new DateTime(2021, 3, 26, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Same(PublishTimeParser.China, ChinaTime.Zone);
    }

    [Theory]
    [InlineData(1595750400L, "2020-07-26 16:00:00")]
    [InlineData(631152000L, "1990-01-01 08:00:00")]
    [InlineData(1616731200L, "2021-03-26 12:00:00")]
    public void FromUnixSeconds_PlausibleRange_ReturnsChinaTime(long seconds, string expected)
    {
        AssertTime(PublishTimeParser.FromUnixSeconds(seconds), expected, TimePrecision.Second);
        AssertTime(PublishTime.FromUnixSeconds(seconds), expected, TimePrecision.Second);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(631151999L)]
    [InlineData(4102444800L)]
    [InlineData(1595750400000L)]
    public void FromUnixSeconds_OutOfRange_ReturnsNull(long seconds) => Assert.Null(PublishTimeParser.FromUnixSeconds(seconds));

    [Theory]
    [InlineData(TimePrecision.Day, "2021-03-26")]
    [InlineData(TimePrecision.Minute, "2021-03-26T10:30+08:00")]
    [InlineData(TimePrecision.Second, "2021-03-26T10:30:15+08:00")]
    public void ToIsoString_Precision_FormatsAtPrecision(TimePrecision precision, string expected)
    {
        var time = new PublishTime(new DateTimeOffset(2021, 3, 26, 10, 30, 15, China), precision);

        Assert.Equal(expected, time.ToIsoString());
        Assert.Equal("2021-03-26T10:30:15+08:00", time.ToIsoStringFull());
    }
}
