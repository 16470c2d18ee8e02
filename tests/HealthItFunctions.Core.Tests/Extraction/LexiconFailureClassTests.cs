using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>
/// The general failure classes of issue 20, each on hand-written pages under Fixtures/lexicon-classes shaped like the
/// mechanism: day/month order, bylines inside the lead, several authors, institutions as authors, original content,
/// and dates that state only a year or a month.
/// </summary>
public sealed class LexiconFailureClassTests
{
    private static ExtractedArticle Extract(string name)
    {
        // A saved page of unknown age (no fetch time) at a URL without a date, so only the page's own text dates it.
        var page = new HtmlPage(Fixture.Read(Path.Combine("lexicon-classes", name)), new Uri("https://news.example.cn/a/1.html"));
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(page);
        Assert.True(result.IsArticle, $"{name}: {result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Extract_YearLastNumericDateOnChinesePage_NotReadMonthFirst()
    {
        var article = Extract("date-year-last-bare.html");

        Assert.Null(article.PublishTime);
    }

    [Fact]
    public void Extract_YearLastDateWhoseFirstPartCannotBeAMonth_DayFirst()
    {
        Assert.Equal("2005-07-25", Extract("date-year-last-day-over-twelve.html").PublishTime?.ToIsoString());
    }

    [Fact]
    public void Extract_YearLastDateWithAmPm_MonthFirst()
    {
        Assert.Equal("2005-05-07T15:15+08:00", Extract("date-year-last-english.html").PublishTime?.ToIsoString());
    }

    [Fact]
    public void Extract_YearFirstSlashDate_YearMonthDay()
    {
        Assert.Equal("2021-06-02", Extract("date-year-first-slash.html").PublishTime?.ToIsoString());
    }

    [Theory]
    [InlineData("lead-byline-wire.html", "扎西 卓玛")]
    [InlineData("lead-byline-own-paper.html", "李明远")]
    public void Extract_ReporterInLeadDateline_Author(string name, string expected)
    {
        var article = Extract(name);

        Assert.Equal(expected, article.Author);
        Assert.Equal("generic:lead-byline", article.Rules[ArticleField.Author]);
    }

    [Theory]
    [InlineData("authors-enumeration.html", "张明 王丽 赵磊")]
    [InlineData("authors-spaces.html", "刘洋 陈静 周涛")]
    public void Extract_SeveralAuthors_AllKeptInOrder(string name, string expected)
    {
        Assert.Equal(expected, Extract(name).Author);
    }

    [Theory]
    [InlineData("author-institution.html", "某某区人民医院党支部")]
    [InlineData("author-team.html", "区卫生健康委信息化工作组")]
    public void Extract_InstitutionCredited_InstitutionIsAuthor(string name, string expected)
    {
        var article = Extract(name);

        Assert.Equal(expected, article.Author);
        Assert.StartsWith("generic:institution-credit", article.Rules[ArticleField.Author]);
    }

    [Theory]
    [InlineData("original-marked.html")]
    [InlineData("original-copyright.html")]
    public void Extract_OriginalContentMarked_SiteIsSource(string name)
    {
        var article = Extract(name);

        Assert.Equal("示例健康网", article.Source);
        Assert.StartsWith("generic:original-site", article.Rules[ArticleField.Source]);
    }

    [Theory]
    [InlineData("original-unmarked.html")]
    [InlineData("original-drug-in-text.html")]
    public void Extract_NoOriginalMark_SiteNameNotGuessedAsSource(string name)
    {
        Assert.Null(Extract(name).Source);
    }

    [Theory]
    [InlineData("date-year-only.html", "2015", TimePrecision.Year)]
    [InlineData("date-year-month.html", "2015-06", TimePrecision.Month)]
    [InlineData("date-year-month-chinese.html", "2015-06", TimePrecision.Month)]
    public void Extract_CoarseDate_PrecisionKeptNoDayInvented(string name, string expected, TimePrecision precision)
    {
        var time = Extract(name).PublishTime;

        Assert.Equal(expected, time?.ToIsoString());
        Assert.Equal(precision, time?.Precision);
    }

    [Fact]
    public void Extract_SourceLine_ExplainNamesTheLexiconEntry()
    {
        var article = Extract("authors-enumeration.html");

        Assert.Contains("[labels.author: 作者]", article.Rules[ArticleField.Author]);
    }
}
