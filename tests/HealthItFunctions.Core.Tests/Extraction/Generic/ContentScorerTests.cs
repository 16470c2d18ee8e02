using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Tests.Extraction.Generic;

public sealed class ContentScorerTests
{
    private const string Sentence = "医院信息中心介绍，今年将继续推进电子病历评级工作，完善数据共享机制，提升患者就医体验。";

    private static string Teaser(int i) =>
        $"<li><div class=\"item\"><h4><a href=\"/n{i}\">推荐新闻{i}</a></h4><p class=\"summary\">{string.Concat(Enumerable.Repeat(Sentence, 6))}</p></div></li>";

    [Fact]
    public void FindBest_ShortArticleAboveLongerTeaserList_ReturnsTextUnderHeadline()
    {
        var html = "<html><body><article><h1 id=\"headline\">日本企业信心保持稳定</h1><div class=\"byline\">某某台 2024年5月22日</div>"
            + "<div id=\"text\"><p>路透调查显示，日本企业信心保持稳定，但成本上升正损害利润，企业面对原材料与电费上涨。</p></div></article>"
            + $"<section><h2>你可能还想看</h2><ul>{Teaser(1)}{Teaser(2)}{Teaser(3)}</ul></section></body></html>";
        var index = Dom.Index(html);

        var best = ContentScorer.FindBest(index, Dom.ById(index, "headline"));

        Assert.NotNull(best);
        Assert.StartsWith("路透调查显示", Dom.TextOf(index, best));
    }

    [Fact]
    public void FindBest_RepeatedPostsWithoutHeadline_ReturnsFirstPost()
    {
        var first = string.Concat(Enumerable.Repeat("昨天去金矿游玩，当年的马车仍在照跑，街边的艺人仍在弹琴，让人仿佛回到一百多年前。", 5));
        var later = string.Concat(Enumerable.Repeat(Sentence, 10));
        var html = "<html><body>"
            + $"<table><tr><td class=\"post-title\">金矿游记</td></tr><tr><td class=\"post-body\">{first}</td></tr></table>"
            + $"<table><tr><td class=\"post-title\">旧文</td></tr><tr><td class=\"post-body\">{later}</td></tr></table>"
            + "</body></html>";
        var index = Dom.Index(html);

        var best = ContentScorer.FindBest(index, headline: null);

        Assert.NotNull(best);
        Assert.StartsWith("昨天去金矿游玩", Dom.TextOf(index, best));
    }

    [Fact]
    public void FindBest_LeadAboveBodyAndAnotherStoryBuiltAlike_ReturnsBodyUnderHeadline()
    {
        var body = string.Concat(Enumerable.Repeat($"<p>{Sentence}</p>", 6));
        var other = string.Concat(Enumerable.Repeat("<p>另一篇文章的正文，讲的是另一件事情，与本文无关，篇幅还更长一些，段落也更多。</p>", 12));
        var html = "<html><body><div class=\"top\"><div class=\"content\">" + other + "</div></div>"
            + "<div class=\"page\"><h1 id=\"headline\">电子病历评级工作推进</h1><p>导读：今年本市将继续推进电子病历评级工作，完善数据共享机制，提升患者就医体验。</p>"
            + "<div id=\"main\" class=\"content\">" + body + "</div></div>"
            + "<div class=\"more\"><div class=\"content\">" + other + "</div></div></body></html>";
        var index = Dom.Index(html);

        var best = ContentScorer.FindBest(index, Dom.ById(index, "headline"));

        Assert.Same(Dom.ById(index, "main"), best);
    }

    [Fact]
    public void FindBest_SingleBodyWithHeadlineFarAbove_KeepsDensestBlock()
    {
        var body = string.Concat(Enumerable.Repeat($"<p>{Sentence}</p>", 8));
        var html = "<html><body><h1 id=\"headline\">电子病历评级工作推进</h1>"
            + $"<div class=\"summary\"><p>这是一段很短的导读文字，介绍了本文的主要内容。</p></div><div id=\"main\">{body}</div></body></html>";
        var index = Dom.Index(html);

        var best = ContentScorer.FindBest(index, Dom.ById(index, "headline"));

        Assert.Same(Dom.ById(index, "main"), best);
    }

    [Fact]
    public void WithSiblings_SummaryBlockAboveBody_IncludesItBeforeBody()
    {
        var body = string.Concat(Enumerable.Repeat($"<p>{Sentence}</p>", 8));
        var html = "<html><body><div id=\"wrap\"><div id=\"lead\">核心提示：电子健康卡怎么申领，很多老年人还不清楚该怎样操作？今天就来介绍一下步骤。</div>"
            + $"<div id=\"body\" class=\"art_content\">{body}</div></div></body></html>";
        var index = Dom.Index(html);

        var blocks = BodyBounds.WithSiblings(index, Dom.ById(index, "body"));

        Assert.Equal(["lead", "body"], blocks.Select(b => b.Node.Id));
    }

    [Fact]
    public void WithSiblings_LinkedBlockAboveBody_Excluded()
    {
        var body = string.Concat(Enumerable.Repeat($"<p>{Sentence}</p>", 8));
        var html = "<html><body><div id=\"wrap\"><div id=\"crumbs\">当前位置：<a href=\"/\">首页</a>，<a href=\"/n\">新闻中心</a>，正文内容如下。</div>"
            + $"<div id=\"body\">{body}</div></div></body></html>";
        var index = Dom.Index(html);

        var blocks = BodyBounds.WithSiblings(index, Dom.ById(index, "body"));

        Assert.Equal(["body"], blocks.Select(b => b.Node.Id));
    }
}
