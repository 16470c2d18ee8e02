using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>The per-field policy: first offer wins, a more precise publish time agreeing with the winner refines it.</summary>
public sealed class ExtractionDraftTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static PublishTime Time(int day, int hour, int minute, TimePrecision precision) =>
        new(new DateTimeOffset(2021, 8, day, hour, minute, 0, China), precision);

    [Fact]
    public void OfferPublishTime_SameDayMorePrecise_Refines()
    {
        var draft = new ExtractionDraft(TestLexicon.Shipped);

        draft.OfferPublishTime(Time(30, 0, 0, TimePrecision.Day), "url");
        draft.OfferPublishTime(Time(30, 9, 15, TimePrecision.Minute), "meta:pubdate");

        Assert.Equal(Time(30, 9, 15, TimePrecision.Minute), draft.PublishTime);
        Assert.Equal("meta:pubdate", draft.Rules[ArticleField.PublishTime]);
        Assert.Equal(["refined by meta:pubdate", FieldCandidate.Won], draft.Candidates.Select(c => c.Outcome));
    }

    [Theory]
    [InlineData(29, TimePrecision.Minute)]
    [InlineData(30, TimePrecision.Day)]
    public void OfferPublishTime_OtherDayOrNotMorePrecise_FirstKept(int day, TimePrecision precision)
    {
        var draft = new ExtractionDraft(TestLexicon.Shipped);

        draft.OfferPublishTime(Time(30, 0, 0, TimePrecision.Day), "generic:near-title");
        draft.OfferPublishTime(Time(day, 9, 15, precision), "jsonld:datePublished");

        Assert.Equal(Time(30, 0, 0, TimePrecision.Day), draft.PublishTime);
        Assert.StartsWith("lost to generic:near-title", draft.Candidates[1].Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void OfferPublishTime_MonthThenDayInThatMonth_Refines()
    {
        var draft = new ExtractionDraft(TestLexicon.Shipped);

        draft.OfferPublishTime(new PublishTime(new DateTimeOffset(2021, 8, 1, 0, 0, 0, China), TimePrecision.Month), "generic:near-body (month)");
        draft.OfferPublishTime(Time(30, 0, 0, TimePrecision.Day), "jsonld:datePublished");

        Assert.Equal(TimePrecision.Day, draft.PublishTime?.Precision);
    }

    [Fact]
    public void OfferTitle_SecondOffer_RecordedAsLost()
    {
        var draft = new ExtractionDraft(TestLexicon.Shipped);

        draft.OfferTitle("某市上线互联网医院平台", "source:x");
        draft.OfferTitle("另一个标题", "generic:heading");

        Assert.Equal("某市上线互联网医院平台", draft.Title);
        Assert.Equal("lost to source:x", draft.Candidates[1].Outcome);
    }

    [Theory]
    [InlineData("某市上线互联网医院平台", "某市上线互联网医院平台_健康频道_示例新闻", true)]
    [InlineData("某市上线互联网医院平台正式启用", "某市上线互联网医院平台", true)]
    [InlineData("下载示例新闻客户端看更多健康资讯", "某市上线互联网医院平台_健康频道_示例新闻", false)]
    public void Agrees_HeadingAgainstReference_Expected(string heading, string reference, bool expected) =>
        Assert.Equal(expected, TitleAgreement.Agrees(heading, reference));
}
