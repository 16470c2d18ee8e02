using HealthItFunctions.Cli.Benchmark;

namespace HealthItFunctions.Cli.Tests.Benchmark;

public sealed class ShingleScorerTests
{
    [Fact]
    public void Tokenize_MixedText_CjkCharsAndLatinDigitRunsArTokens()
    {
        var tokens = ShingleScorer.Tokenize("DNC模型，2016年 AI！");

        Assert.Equal(["DNC", "模", "型", "2016", "年", "AI"], tokens);
    }

    [Fact]
    public void Score_SameTextDifferentWhitespaceAndPunctuation_Perfect()
    {
        var overlap = ShingleScorer.Score("医院上线互联网诊疗服务。\n患者可在线复诊", "　　医院上线互联网诊疗服务 患者可在线复诊！");

        Assert.Equal(1, overlap.F1, 6);
    }

    [Fact]
    public void Score_PredictionWithExtraFooter_PrecisionDropsRecallStays()
    {
        var overlap = ShingleScorer.Score("医院上线互联网诊疗服务。版权所有北京中医医院", "医院上线互联网诊疗服务。");

        Assert.Equal(1, overlap.Recall, 6);
        Assert.InRange(overlap.Precision, 0.3, 0.6);
    }

    [Fact]
    public void Score_EmptyPrediction_Zero()
    {
        var overlap = ShingleScorer.Score("", "医院上线互联网诊疗服务");

        Assert.Equal(0, overlap.F1);
    }
}
