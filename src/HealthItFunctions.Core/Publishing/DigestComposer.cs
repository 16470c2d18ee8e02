using System.Globalization;
using System.Net;
using System.Text;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Mail;

namespace HealthItFunctions.Core.Publishing;

/// <summary>The digest mail: the new Include articles, then the ones waiting for an editor (Review), each with why it matched.</summary>
internal static class DigestComposer
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static OutgoingMail Compose(IReadOnlyList<string> to, IReadOnlyList<StoredArticle> included, IReadOnlyList<StoredArticle> review, DateTimeOffset until)
    {
        var day = until.ToOffset(Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subject = $"卫生信息化新闻日报 {day}：新入选 {included.Count} 篇，待审 {review.Count} 篇";
        var text = new StringBuilder();
        var html = new StringBuilder(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>" +
            "<body style=\"margin:0;padding:12px;font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',SimSun,sans-serif;font-size:15px;line-height:1.6;color:#222;max-width:720px\">");
        html.Append($"<h1 style=\"font-size:18px;margin:0 0 12px\">{Encode(subject)}</h1>");
        Section("新入选（将进入月报）", included);
        Section("待审（请编辑决定是否入选）", review);
        html.Append("</body></html>");
        return new OutgoingMail(to, subject, text.ToString(), html.ToString());

        void Section(string heading, IReadOnlyList<StoredArticle> articles)
        {
            if (articles.Count == 0)
            {
                return;
            }

            text.Append(heading).Append('\n');
            html.Append($"<h2 style=\"font-size:16px;margin:16px 0 8px\">{Encode(heading)}</h2><ol style=\"padding-left:20px;margin:0\">");
            foreach (var article in articles)
            {
                var title = article.EditedTitle ?? article.Title;
                var terms = string.Join("、", article.MatchedTerms);
                var published = article.PublishedAt?.ToOffset(Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "日期不详";
                text.Append($"- {title}（{article.Media}，{published}，得分 {article.Score:0.##}）\n  {article.CanonicalUrl}\n  匹配：{terms}\n");
                html.Append("<li style=\"margin:0 0 10px\">")
                    .Append($"<a href=\"{Encode(article.CanonicalUrl)}\" style=\"color:#0b57d0\">{Encode(title)}</a><br>")
                    .Append($"<span style=\"color:#555;font-size:13px\">{Encode(article.Media)}，{published}，得分 {article.Score:0.##}</span><br>")
                    .Append($"<span style=\"color:#555;font-size:13px\">匹配：{Encode(terms)}</span></li>");
            }

            text.Append('\n');
            html.Append("</ol>");
        }
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
