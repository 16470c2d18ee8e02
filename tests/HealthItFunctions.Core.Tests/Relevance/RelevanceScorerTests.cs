using HealthItFunctions.Core.Relevance;

namespace HealthItFunctions.Core.Tests.Relevance;

/// <summary>The scoring rules on a small lexicon written here, so each rule is tested apart from the seeds' weights.</summary>
public sealed class RelevanceScorerTests
{
    private const string SmallLexicon = """
        {
          "titleMultiplier": 3,
          "bands": { "include": 0.4, "review": 0.12 },
          "axes": [
            { "name": "health", "saturation": 6, "includeMinimum": 0.3,
              "terms": { "医院": 2, "患者": 1 }, "negative": { "宠物医院": 4 } },
            { "name": "informatization", "saturation": 6, "includeMinimum": 0.3,
              "terms": { "互联网医院": 5, "5g": 3, "ai": 2 }, "negative": { "股价": 4 } },
            { "name": "beijing", "saturation": 6, "neutral": 0.5, "includeMinimum": 0.75, "nationwideAbove": 3,
              "terms": { "北京": 3, "北京协和医院": 4, "京": 0.5 },
              "negative": { "上海": 2, "浙江": 2, "江苏": 2, "四川": 2 },
              "ignore": ["北京时间", "南京"] }
          ]
        }
        """;

    private readonly RelevanceScorer _scorer = new(Lexicon.Parse(SmallLexicon));

    [Fact]
    public void Score_AllThreeAxesInTitle_Include()
    {
        var assessment = _scorer.Score("北京医院上线互联网医院", "患者可在线复诊。");

        Assert.Equal(RelevanceBand.Include, assessment.Band);
        Assert.Contains(assessment.Terms, t => t is { Axis: "informatization", Term: "互联网医院", Where: MatchLocation.Title, Count: 1 });
        Assert.Contains(assessment.Terms, t => t is { Axis: "health", Term: "患者", Where: MatchLocation.Body });
    }

    [Fact]
    public void Score_SameTermInTitle_WeighsTitleMultiplierTimesBody()
    {
        var inTitle = _scorer.Score("互联网医院", "北京医院");
        var inBody = _scorer.Score("", "互联网医院 北京医院");

        var titleHit = Assert.Single(inTitle.Terms, t => t.Term == "互联网医院");
        var bodyHit = Assert.Single(inBody.Terms, t => t.Term == "互联网医院");
        Assert.Equal(bodyHit.Weight * 3, titleHit.Weight, 6);
        Assert.True(inTitle.Score >= inBody.Score);
    }

    [Fact]
    public void Score_RepeatedBodyHits_AddWithDiminishingReturns()
    {
        var assessment = _scorer.Score("", string.Concat(Enumerable.Repeat("医院。", 8)));

        var hit = Assert.Single(assessment.Terms, t => t.Term == "医院");
        Assert.Equal(8, hit.Count);
        Assert.Equal(2 * (1 + Math.Log(8)), hit.Weight, 3);
    }

    [Fact]
    public void Score_HealthAndItWithoutAnyPlace_ReviewNotInclude()
    {
        var assessment = _scorer.Score("医院建设互联网医院", "医院患者使用5G和AI。");

        Assert.Equal(RelevanceBand.Review, assessment.Band);
        Assert.Contains("beijing", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_HealthAndItPlacedInAnotherProvince_Exclude()
    {
        var assessment = _scorer.Score("浙江医院建设互联网医院", "浙江医院患者使用5G。");

        Assert.Equal(RelevanceBand.Exclude, assessment.Band);
        Assert.Contains(assessment.Terms, t => t is { Axis: "beijing", Term: "浙江", IsNegative: true });
    }

    [Fact]
    public void Score_ManyDistinctOtherProvinces_ReadAsNationwideNotElsewhere()
    {
        var assessment = _scorer.Score("医院建设互联网医院", "上海、浙江、江苏、四川的医院患者使用5G。");

        Assert.NotEqual(RelevanceBand.Exclude, assessment.Band);
        Assert.True(Assert.Single(assessment.Axes, a => a.Axis == "beijing").Nationwide);
    }

    [Fact]
    public void Score_NoHealthTerm_Exclude()
    {
        var assessment = _scorer.Score("北京5G基站", "北京5G网络覆盖，AI应用。");

        Assert.Equal(RelevanceBand.Exclude, assessment.Band);
        Assert.Equal(0, assessment.Score);
        Assert.Contains("health", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NegativeTerm_CountsAgainstItsAxis()
    {
        var plain = _scorer.Score("北京互联网医院", "医院");
        var withNegative = _scorer.Score("北京互联网医院股价", "医院");

        Assert.True(withNegative.Score < plain.Score);
        var negative = Assert.Single(withNegative.Terms, t => t.Term == "股价");
        Assert.True(negative.Weight < 0);
    }

    [Fact]
    public void Score_LongerTermContainsShorter_CountsLongestOnly()
    {
        var assessment = _scorer.Score("", "北京协和医院");

        var beijing = assessment.Terms.Where(t => t.Axis == "beijing").ToList();
        Assert.Equal("北京协和医院", Assert.Single(beijing).Term);
        Assert.Contains(assessment.Terms, t => t is { Axis: "health", Term: "医院" });
    }

    [Fact]
    public void Score_IgnorePhrase_MasksTermInside()
    {
        var assessment = _scorer.Score("北京时间今晨", "南京的医院");

        Assert.DoesNotContain(assessment.Terms, t => t.Axis == "beijing");
    }

    [Fact]
    public void Score_LatinTerm_MatchesWholeWordsOnly()
    {
        var assessment = _scorer.Score("", "He said the MAIL was sent. 医院用AI读片。");

        var ai = Assert.Single(assessment.Terms, t => t.Term == "ai");
        Assert.Equal(1, ai.Count);
    }

    [Fact]
    public void Score_FullWidthForms_MatchAsciiTerms()
    {
        var assessment = _scorer.Score("", "北京医院开通５Ｇ网络");

        Assert.Contains(assessment.Terms, t => t.Term == "5g");
    }

    [Fact]
    public void Score_EmptyText_ExcludeWithoutTerms()
    {
        var assessment = _scorer.Score(null, null);

        Assert.Equal(RelevanceBand.Exclude, assessment.Band);
        Assert.Empty(assessment.Terms);
    }

    [Fact]
    public void Explain_Assessment_NamesBandAxesAndTermsWithLocation()
    {
        var explanation = _scorer.Score("北京医院上线互联网医院", "患者").Explain();

        Assert.StartsWith("Include", explanation, StringComparison.Ordinal);
        Assert.Contains("informatization", explanation, StringComparison.Ordinal);
        Assert.Contains("互联网医院×1 title", explanation, StringComparison.Ordinal);
        Assert.Contains("患者×1 body", explanation, StringComparison.Ordinal);
    }
}
