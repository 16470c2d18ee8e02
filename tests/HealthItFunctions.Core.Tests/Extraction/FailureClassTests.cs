using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Extraction.Sources;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>
/// The general body failure classes (comment threads, posts repeated through an ancestor, prose gate fall-through,
/// headline anchoring, inline related boxes, chrome in the wrapper, nested-table continuations) on hand-written pages
/// under Fixtures/classes. Each page is shaped like the mechanism, not like any one site.
/// </summary>
public sealed class FailureClassTests
{
    private const string First = "首批接入二十三家市属医院";
    private const string Last = "提升基层服务能力";

    private static ExtractedArticle Extract(string name)
    {
        var page = new HtmlPage(Fixture.Read(Path.Combine("classes", name)), new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt);
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(page);
        Assert.True(result.IsArticle, $"{name}: {result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Theory]
    [InlineData("comments-by-class.html")]
    [InlineData("comments-by-shape.html")]
    public void Extract_CommentThreadUnderPost_CommentsLeftOut(string name)
    {
        var article = Extract(name);

        Assert.Contains(First, article.Content);
        Assert.Contains(Last, article.Content);
        Assert.DoesNotContain("这个平台真不错", article.Content);
    }

    [Fact]
    public void Extract_PostsRepeatedThroughAncestor_FirstPostUnderHeadline()
    {
        var article = Extract("forum-ancestor-posts.html");

        Assert.Contains(First, article.Content);
        Assert.DoesNotContain("数据迁移要提前演练", article.Content);
    }

    [Fact]
    public void Extract_UnpunctuatedListOutscoresPost_FallsThroughToPost()
    {
        var article = Extract("prose-gate-fallthrough.html");

        Assert.Contains(First, article.Content);
        Assert.Contains(Last, article.Content);
        Assert.DoesNotContain("回复帖子标题", article.Content);
    }

    [Fact]
    public void Extract_LongNextArticleUnderOwnHeading_ShortArticleUnderHeadlineWins()
    {
        var article = Extract("next-article-below.html");

        Assert.Contains(First, article.Content);
        Assert.DoesNotContain("电子病历系统应用水平分级评价", article.Content);
    }

    [Fact]
    public void Extract_InlineRelatedBox_BoxDroppedTextKept()
    {
        var article = Extract("inline-related-box.html");

        Assert.Contains(First, article.Content);
        Assert.Contains("线上复诊量占全市复诊总量", article.Content);
        Assert.DoesNotContain("延伸阅读", article.Content);
        Assert.DoesNotContain("基层医疗机构信息化建设观察", article.Content);
    }

    [Fact]
    public void Extract_ChromeInsideWrapper_PlayerCardAndShareBarDropped()
    {
        var article = Extract("chrome-in-wrapper.html");

        Assert.Contains(First, article.Content);
        Assert.Contains(Last, article.Content);
        foreach (var chrome in new[] { "倍速", "03:25", "不喜欢", "关注", "听全文" })
        {
            Assert.DoesNotContain(chrome, article.Content);
        }
    }

    [Fact]
    public void Extract_AttachedTableSeveralLevelsUp_JoinedToBody()
    {
        var article = Extract("nested-table-attachment.html");

        Assert.Contains(First, article.Content);
        Assert.Contains("附表：各区互联网医院接入情况", article.Content);
        Assert.Contains("海淀区", article.Content);
    }
}

public sealed class AuthorFixtureTests
{
    private static ExtractedArticle Extract(string name)
    {
        var page = new HtmlPage(Fixture.Read(Path.Combine("classes", name)), new Uri("https://news.example.cn/a/1.html"), Fixture.FetchedAt);
        var result = Fixture.Extractor(SourceCatalog.Empty).Extract(page);
        Assert.True(result.IsArticle, $"{name}: {result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Extract_EditorCreditCmsIdAndQuotation_SignatureIsAuthor()
    {
        var article = Extract("author-editor-and-meta.html");

        Assert.Equal("刘洋", article.Author);
    }

    [Fact]
    public void Extract_AuthorClassedElementBesideEditor_ElementNameIsAuthor()
    {
        var article = Extract("author-element.html");

        Assert.Equal("王丽", article.Author);
    }

    [Fact]
    public void Extract_LabelsInRunTogetherSpans_AuthorAndSourceRead()
    {
        var article = Extract("byline-inline-spans.html");

        Assert.Equal("李强", article.Author);
        Assert.Equal("某某日报", article.Source);
    }

    [Fact]
    public void Extract_OnlyAnEditorCredited_EditorIsAuthorFallback()
    {
        var article = Extract("editor-only-credit.html");

        Assert.Equal("山石", article.Author);
        Assert.Contains(article.Candidates, c => c.Rule == "generic:editor-fallback");
    }

    [Fact]
    public void Extract_UnlabelledSourceClassedElementBesideDate_SourceRead()
    {
        var article = Extract("source-classed-element.html");

        Assert.Equal("某某周刊", article.Source);
    }

    [Fact]
    public void Extract_BracketedNameBesideDate_NameIsAuthor()
    {
        var article = Extract("dateline-bracket-name.html");

        Assert.Equal("黄一", article.Author);
    }

    [Fact]
    public void Extract_NameAloneUnderHeadline_NameIsAuthor()
    {
        var article = Extract("name-line-under-title.html");

        Assert.Equal("胡一", article.Author);
    }

    [Fact]
    public void Extract_ForumCreditDateThenBy_PosterIsAuthorAndDateRead()
    {
        var article = Extract("posted-by-latin.html");

        Assert.Equal("netuser01", article.Author);
        Assert.StartsWith("2021-05-12", article.PublishTime?.ToIsoString());
    }

    [Fact]
    public void Extract_BlogPostWithoutByline_TitleNamesOwnerAsAuthor()
    {
        var article = Extract("blog-owner-title.html");

        Assert.Equal("medblogger", article.Author);
    }
}
