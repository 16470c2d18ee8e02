using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Tests.Bulletins;

public sealed class IssueNumberingTests
{
    [Theory]
    [InlineData("2018-04", 1)]
    [InlineData("2019-03", 12)]
    [InlineData("2020-06", 27)]
    [InlineData("2020-07", 28)]
    [InlineData("2021-03", 36)]
    [InlineData("2021-08", 41)]
    public void IssueOf_DefaultFirstMonth_MatchesReferenceIssues(string month, int expected) =>
        Assert.Equal(expected, new IssueNumbering(Bulletins.Options()).IssueOf(BulletinMonth.Parse(month)));

    [Fact]
    public void IssueOf_OverriddenMonth_OverrideWinsAndLaterMonthsCountOn()
    {
        var numbering = new IssueNumbering(Bulletins.Options(o => o.IssueOverrides["2021-08"] = 50));

        Assert.Equal(36, numbering.IssueOf(BulletinMonth.Parse("2021-03")));
        Assert.Equal(50, numbering.IssueOf(BulletinMonth.Parse("2021-08")));
        Assert.Equal(51, numbering.IssueOf(BulletinMonth.Parse("2021-09")));
    }

    [Fact]
    public void IssueOf_OtherFirstMonth_CountsFromIt() =>
        Assert.Equal(2, new IssueNumbering(Bulletins.Options(o => o.FirstIssueMonth = "2021-07")).IssueOf(BulletinMonth.Parse("2021-08")));

    [Fact]
    public void IssueOf_MonthBeforeFirstIssue_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new IssueNumbering(Bulletins.Options()).IssueOf(BulletinMonth.Parse("2018-03")));

        Assert.Contains("Bulletin:FirstIssueMonth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ReferenceMonth_IssueNumberAndLastDayOfMonth()
    {
        var document = Bulletins.Compose(BulletinMonth.Parse("2020-06"));

        Assert.Equal(27, document.IssueNumber);
        Assert.Equal(new DateOnly(2020, 6, 30), document.IssueDate);
        Assert.Empty(document.Items);
    }
}
