using System.Globalization;
using System.Net;
using System.Text;

namespace HealthItFunctions.Cli.Benchmark;

/// <summary>One generated article page: where it is served and what it says.</summary>
internal sealed record GeneratedArticle(string Host, string Path, string Title, DateTimeOffset PublishedAt, string Media, IReadOnlyList<string> Paragraphs)
{
    public string Url => $"https://{Host}{Path}";

    /// <summary>A plain news-site detail page: the generic extractor finds the h1, the 发布时间 line and the paragraphs.</summary>
    public string Html()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(Title)).Append(" - ").Append(WebUtility.HtmlEncode(Media)).Append("</title></head><body>")
            .Append("<div class=\"nav\">首页 新闻 关于我们</div><div class=\"article\"><h1>").Append(WebUtility.HtmlEncode(Title)).Append("</h1>")
            .Append("<div class=\"info\">发布时间：").Append(PublishedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Append("　来源：").Append(WebUtility.HtmlEncode(Media)).Append("</div><div class=\"content\">");
        foreach (var paragraph in Paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        return html.Append("</div></div><div class=\"footer\">版权所有 ").Append(WebUtility.HtmlEncode(Media)).Append("</div></body></html>").ToString();
    }
}

/// <summary>
/// Article text that no two calls share: sentences of characters drawn at random from a pool of common ones, so that
/// unrelated generated articles sit near 32 bits apart in SimHash, far from the reprint threshold.
/// </summary>
internal sealed class DistinctText(Random random)
{
    private const string Pool =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";

    public string Sentence(int length)
    {
        var text = new StringBuilder(length + 1);
        for (var i = 0; i < length; i++)
        {
            text.Append(Pool[random.Next(Pool.Length)]);
        }

        return text.Append('。').ToString();
    }

    /// <summary><paramref name="count"/> paragraphs of 2-4 sentences, each sentence 20-40 characters.</summary>
    public IReadOnlyList<string> Paragraphs(int count) =>
        Enumerable.Range(0, count).Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Sentence(random.Next(20, 41))))).ToList();
}
