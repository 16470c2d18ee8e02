using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Lexicon;

namespace HealthItFunctions.Core.Extraction.Generic;

using static HealthItFunctions.Core.Extraction.Generic.BylineRegions;

/// <summary>Credits that are not bylines: the poster of a forum or blog post, and the blog's owner named by the title.</summary>
internal static class CreditFinder
{
    /// <summary>
    /// The blog's owner, named by the page title the way blog platforms build it: "标题_张三_某某博客",
    /// "标题 zboy 某某Blog", "张三的博客". On a blog the owner writes the posts.
    /// </summary>
    public static (string Value, string Rule)? FindBlogOwner(PageContext page)
    {
        var title = TextUtil.Collapse(page.Index.TitleTag);
        var match = page.Vocabulary.OwnersBlog.Match(title);
        if (!match.Success)
        {
            match = page.Vocabulary.BlogTitleOwner.Match(title);
        }

        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim();
        return name.Length >= ExtractionTuning.Default.MinNameLength && name.Length <= ExtractionTuning.Default.CreditMaxBlogOwner && name.Any(char.IsLetter) && !name.All(char.IsDigit) && !page.Vocabulary.BlogWord.IsMatch(name)
            && !page.Vocabulary.NotAName.IsMatch(name) ? (name, "generic:blog-owner") : null;
    }


    /// <summary>The poster named in a forum or blog credit line ("本贴由 X 于 … 发表", "由 X 张贴 @ …") within the post.</summary>
    public static (string Value, string Rule)? FindPoster(PageContext page, IReadOnlyList<NodeInfo> body)
    {
        foreach (var line in PostedLines(page.Vocabulary, page.Index.Text, body))
        {
            // Forum logins carry digits ("netuser01"); a credit line names the poster, so a login is the author here.
            if (Clean(page.Vocabulary, line.Name, allowDigits: true) is { } name && name.Any(char.IsLetter))
            {
                return (name, "generic:posted-by");
            }
        }

        return null;
    }

    /// <summary>
    /// Forum and blog credit lines from the body's start to just after its end (elsewhere the pattern is not a
    /// credit), in order: the poster and the raw date text. The post's own line comes first; replies repeat it below.
    /// </summary>
    public static IEnumerable<(string Name, string Date)> PostedLines(ExtractionVocabulary vocabulary, string text, IReadOnlyList<NodeInfo> body)
    {
        if (body.Count == 0)
        {
            yield break;
        }

        var start = body[0].TextStart;
        var end = Math.Min(text.Length, body[^1].TextEnd + ExtractionTuning.Default.BylineAfterBodyWindow);
        if (end <= start)
        {
            yield break;
        }

        // Both shapes, in page order: "由 X 于 <date> 发表" and "发布时间 <date> by X" / "Posted by X at <date>".
        var first = vocabulary.PostedLine.Match(text, start, end - start);
        var second = vocabulary.DateByLine.Match(text, start, end - start);
        while (first.Success || second.Success)
        {
            if (first.Success && (!second.Success || first.Index <= second.Index))
            {
                yield return (first.Groups["name"].Value, first.Groups["date"].Value);
                first = first.NextMatch();
            }
            else
            {
                yield return (second.Groups["name"].Value, second.Groups["date"].Value);
                second = second.NextMatch();
            }
        }
    }

}
