using HealthItFunctions.Core.Fetching;

namespace HealthItFunctions.Core.Tests.Fetching;

public sealed class RobotsTxtTests
{
    private const string Product = "HealthItMonitor";

    [Theory]
    [InlineData("User-agent: *\nDisallow: /private/", "/private/a.html", false)]
    [InlineData("User-agent: *\nDisallow: /private/", "/public/a.html", true)]
    [InlineData("User-agent: *\nDisallow: /", "/robots.txt", true)]
    [InlineData("User-agent: *\nDisallow:", "/anything", true)]
    [InlineData("User-agent: *\nDisallow: /a/\nAllow: /a/open/", "/a/open/x", true)]
    [InlineData("User-agent: *\nAllow: /a/\nDisallow: /a/secret", "/a/secret/x", false)]
    [InlineData("User-agent: *\nAllow: /page\nDisallow: /page", "/page", true)]
    [InlineData("User-agent: *\nDisallow: /*.pdf$", "/files/a.pdf", false)]
    [InlineData("User-agent: *\nDisallow: /*.pdf$", "/files/a.pdf?x=1", true)]
    [InlineData("User-agent: *\nDisallow: /search?", "/search?q=1", false)]
    [InlineData("User-agent: *\nDisallow: *?replytocom=", "/1.html?replytocom=3", false)]
    [InlineData("# comment\nUSER-AGENT: *  # all\nDISALLOW: /wp-admin/ # admin", "/wp-admin/x", false)]
    public void DisallowingRule_StarGroup_LongestMatchWinsAllowOnTie(string robots, string path, bool allowed)
    {
        var rules = RobotsTxt.Parse(robots, Product);

        Assert.Equal(allowed, rules.DisallowingRule(new Uri("http://x.cn" + path)) is null);
    }

    [Fact]
    public void DisallowingRule_OwnGroup_ReplacesStarGroup()
    {
        var rules = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: HealthItMonitor/1.0\nDisallow: /private/\n", Product);

        Assert.Null(rules.DisallowingRule(new Uri("http://x.cn/news/1.html")));
        Assert.Equal("Disallow: /private/", rules.DisallowingRule(new Uri("http://x.cn/private/1.html")));
    }

    [Fact]
    public void DisallowingRule_OtherBotsGroupOnly_AppliesNothingToUs()
    {
        var rules = RobotsTxt.Parse("User-agent: Baiduspider\nDisallow: /\n", Product);

        Assert.Null(rules.DisallowingRule(new Uri("http://x.cn/a")));
    }

    [Fact]
    public void DisallowingRule_GroupWithSeveralAgents_AppliesToEach()
    {
        var rules = RobotsTxt.Parse("User-agent: Googlebot\nUser-agent: healthitmonitor\nDisallow: /x/\n", Product);

        Assert.NotNull(rules.DisallowingRule(new Uri("http://x.cn/x/1")));
    }

    [Fact]
    public void DisallowingRule_HostilePatternAgainstLongPath_AnswersWithoutThrowing()
    {
        // Backtracking made this exponential: each '*' may end anywhere, and the final 'b' never matches.
        var rules = RobotsTxt.Parse("User-agent: *\nDisallow: /" + string.Concat(Enumerable.Repeat("*a", 40)) + "b$\n", Product);

        var rule = rules.DisallowingRule(new Uri("https://example.cn/" + new string('a', 5000)));

        Assert.Null(rule);
    }
}
