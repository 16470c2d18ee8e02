using HealthItFunctions.Cli.Benchmark;

namespace HealthItFunctions.Cli.Tests.Benchmark;

public sealed class FieldScorerTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("智慧医院建设提速", "智慧医院建设提速_健康频道_某某网", 1)]
    [InlineData("智慧医院建设提速", "智慧医院建设提速", 1)]
    [InlineData("智慧医院", "智慧医院建设提速", 0)]
    [InlineData("某某网", "智慧医院建设提速_健康频道_某某网", 0)]
    public void ScoreTitle_SiteSuffixInTruth_AcceptedOnlyAfterSeparator(string predicted, string truth, double expected)
    {
        var score = FieldScorer.ScoreTitle(truth, predicted);

        Assert.Equal(expected, score.Score);
    }

    [Theory]
    [InlineData("2024-04-24 00:00:00", "2024-04-24T15:30:00+08:00", 1)]
    [InlineData("2019-09-11 01:53", "2019-09-11T01:53:59+08:00", 1)]
    [InlineData("2019-09-11 01:53", "2019-09-11T01:54:00+08:00", 0)]
    [InlineData("2017-03-01T06:27:02.000Z", "2017-03-01T14:27:02+08:00", 1)]
    [InlineData("2005-5-7 21:23:57", "2005-05-07T21:23:57+08:00", 1)]
    [InlineData("1996-3", "1996-03-20T00:00:00+08:00", 1)]
    [InlineData("2020-02-19", "2020-02-20T00:10:00+08:00", 0)]
    public void ScoreTime_TruthPrecision_ComparedAtThatPrecision(string truth, string predicted, double expected)
    {
        var score = FieldScorer.ScoreTime(truth, DateTimeOffset.Parse(predicted, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, score.Score);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("UNKNWON")]
    public void ScoreTime_TruthSaysNoDate_RightOnlyWhenNonePredicted(string? truth)
    {
        Assert.Equal(1, FieldScorer.ScoreTime(truth, null).Score);
        Assert.Equal(0, FieldScorer.ScoreTime(truth, new DateTimeOffset(2020, 1, 1, 0, 0, 0, Beijing)).Score);
    }
}
