using HealthItFunctions.Core.Extraction.Dates;

namespace HealthItFunctions.Core.Tests.Extraction.Dates;

public class DateFromUrlTests
{
    [Theory]
    [InlineData("http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm", "2020-02-19")]
    [InlineData("http://www.nhc.gov.cn/xcs/yqtb/202103/t20210326_1234.shtml", "2021-03-26")]
    [InlineData("http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202103/t20210326_2340000.html", "2021-03-26")]
    [InlineData("http://politics.people.com.cn/n1/2020/0713/c1001-31781234.html", "2020-07-13")]
    [InlineData("https://new.qq.com/omn/20210901/20210901A0ABCD00.html", "2021-09-01")]
    [InlineData("https://news.sina.com.cn/c/2020-07-09/doc-iirczymm1357396.shtml", "2020-07-09")]
    [InlineData("https://www.chinanews.com/gn/2021/03-26/9441234.shtml", "2021-03-26")]
    [InlineData("https://news.163.com/19/0907/09/EOVABCDE0001899O.html", "2019-09-07")]
    [InlineData("https://example.com/2021/03/26/story.html", "2021-03-26")]
    [InlineData("https://example.com/news/content_20210326.htm", "2021-03-26")]
    [InlineData("/2021-03-26/x.html", "2021-03-26")]
    public void DateFromUrl_KnownShapes_ReturnsDate(string url, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PublishTimeParser.DateFromUrl(url));

    [Theory]
    [InlineData("")]
    [InlineData("https://mp.weixin.qq.com/s/AbCdEf123")]
    [InlineData("https://example.com/2021/13/45/x.html")]
    [InlineData("https://example.com/20210230/x.html")]
    [InlineData("https://example.com/1985/01/01/x.html")]
    [InlineData("https://example.com/article/1125597921")]
    [InlineData("https://news20210326.example.com/a.html")]
    [InlineData("https://www.ifeng.com/c/7q9pAbCdEfG")]
    [InlineData("https://example.com/3099/01/01/x.html")]
    public void DateFromUrl_NoOrImpossibleDate_ReturnsNull(string url) => Assert.Null(PublishTimeParser.DateFromUrl(url));

    [Fact]
    public void DateFromUrl_ImpossibleCandidateThenRealOne_SkipsToRealOne() =>
        Assert.Equal(new DateOnly(2021, 3, 26), PublishTimeParser.DateFromUrl("https://example.com/2021/1399/202103/t20210326_1.html"));
}
