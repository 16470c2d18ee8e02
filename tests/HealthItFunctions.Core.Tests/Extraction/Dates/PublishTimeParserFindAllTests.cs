using HealthItFunctions.Core.Extraction.Dates;

namespace HealthItFunctions.Core.Tests.Extraction.Dates;

public class PublishTimeParserFindAllTests
{
    private static readonly DateTimeOffset Fetched = PublishTimeParserTests.Fetched;

    private readonly PublishTimeParser _parser = new(PublishTimeParser.China, TimeProvider.System);

    [Fact]
    public void FindAll_ArticleHeaderAndBody_ReturnsEveryDateWithPositionAndKind()
    {
        const string text = "卫健委发布通知\n2021-03-26 10:30 来源：新华网\n据悉，3月20日召开会议。相关：2019年1月1日 | 昨天 09:00";

        var matches = _parser.FindAll(text, Fetched);

        Assert.Collection(
            matches,
            m => AssertMatch(text, m, "2021-03-26 10:30", DateKind.Absolute, TimePrecision.Minute),
            m => AssertMatch(text, m, "3月20日", DateKind.YearInferred, TimePrecision.Day),
            m => AssertMatch(text, m, "2019年1月1日", DateKind.Absolute, TimePrecision.Day),
            m => AssertMatch(text, m, "昨天 09:00", DateKind.Relative, TimePrecision.Minute));
    }

    [Fact]
    public void FindAll_FullWidthText_PositionsReferToOriginalText()
    {
        const string text = "时间：２０２１年３月２６日　１０：３０　浏览";

        var match = Assert.Single(_parser.FindAll(text, Fetched));

        Assert.Equal("２０２１年３月２６日　１０：３０", text.Substring(match.Index, match.Length));
        PublishTimeParserTests.AssertTime(match.Time, "2021-03-26 10:30:00", TimePrecision.Minute);
    }

    [Fact]
    public void FindAll_Kinds_AreReported()
    {
        const string text = "var ct = \"1595750400\"; 发布时间：18-03-08 23:16 ; 10-08 12:00 ; 3小时前";

        var kinds = _parser.FindAll(text, Fetched).Select(m => m.Kind).ToArray();

        Assert.Equal([DateKind.UnixTimestamp, DateKind.TwoDigitYear, DateKind.YearInferred, DateKind.Relative], kinds);
    }

    [Fact]
    public void FindAll_YearHint_MarksYearFromHint()
    {
        var match = Assert.Single(_parser.FindAll("3月26日", Fetched, 2019));

        Assert.Equal(DateKind.YearFromHint, match.Kind);
        Assert.Equal(2019, match.Time.Value.Year);
    }

    [Fact]
    public void FindAll_ImpossibleDatesBeforeValidOne_SkipsThemAndKeepsScanning()
    {
        var matches = _parser.FindAll("2021-02-30 ; 1985-01-01 ; 2021-02-28", Fetched);

        var match = Assert.Single(matches);
        Assert.Equal(26, match.Index);
    }

    [Fact]
    public void FindAll_NoDates_ReturnsEmpty()
    {
        Assert.Empty(_parser.FindAll(string.Empty, Fetched));
        Assert.Empty(_parser.FindAll("没有任何日期的正文。", Fetched));
    }

    [Fact]
    public void FindAll_LongText_FindsDatesAtBothEnds()
    {
        var text = "2021-01-02 " + string.Concat(Enumerable.Repeat("正文内容，没有日期。1234 abc ", 2000)) + " 2021-03-04";

        var matches = _parser.FindAll(text, Fetched);

        Assert.Equal(2, matches.Count);
        Assert.Equal(0, matches[0].Index);
        Assert.Equal(text.Length - 10, matches[1].Index);
    }

    private static void AssertMatch(string text, DateMatch match, string expectedText, DateKind kind, TimePrecision precision)
    {
        Assert.Equal(expectedText, text.Substring(match.Index, match.Length));
        Assert.Equal(kind, match.Kind);
        Assert.Equal(precision, match.Time.Precision);
    }
}
