using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>Reads the 来源 (source) and 作者 (author) lines that Chinese pages print between the headline and the text.</summary>
internal static partial class BylineFinder
{
    private const int HeaderWindow = 600;
    private const int NearBodyWindow = 1500;
    private const int AfterBodyWindow = 300;
    private const int MaxBylineLine = 60;
    private const int MaxAuthorElement = 30;
    private const int EditorAfterBodyWindow = 800;
    private const int MinProseLine = 40;
    private const int MaxRunTogetherName = 8;

    /// <summary>
    /// The labelled 来源 under the headline; else the name printed beside the shown date there ("2019-05-17 · 苏皖城市报道",
    /// "南方都市报 2019-09-09 16:01"), which portals and self-media platforms use instead of a label; else a labelled
    /// 来源 near the body, which on such platforms credits the reprinted original and so ranks last.
    /// </summary>
    public static (string Value, string Rule)? FindSource(PageContext page, NodeInfo? title, NodeInfo? body)
    {
        var text = page.Index.Text;
        foreach (var (start, end, header) in Regions(text.Length, title, body))
        {
            if (Labelled(text, start, end, SourceLine()) is { } labelled)
            {
                return (FirstOfList(labelled), "generic:source-line");
            }

            if (header && SourceElement(page.Index, start, end) is { } classed)
            {
                return (classed, "generic:source-element");
            }

            if (header && DatelineName(page.Index, start, end) is { } beside)
            {
                return (beside, "generic:dateline-name");
            }
        }

        return null;
    }

    /// <summary>
    /// The byline, by the reporter-byline grammar (<see cref="AuthorGrammar"/>): under the headline first, then an
    /// element classed "author" there, then around the body, then a signature closing the text.
    /// </summary>
    public static (string Value, string Rule)? FindAuthor(PageContext page, NodeInfo? title, NodeInfo? body, IReadOnlyList<string> paragraphs)
    {
        var text = page.Index.Text;
        var header = true;
        foreach (var (start, end, isHeader) in Regions(text.Length, title, body))
        {
            if (!isHeader && header && AuthorElement(page.Index, title, body) is { } element)
            {
                return (element, "generic:author-element");
            }

            header = isHeader;
            if (end > start && (ReadLines(text, start, end) ?? ReadElements(page.Index, start, end)) is { } found)
            {
                return found;
            }

            if (end > start && BareHeaderName(text, start, end, isHeader) is { } bare)
            {
                return bare;
            }
        }

        // With no headline element found, the writer's name may open the body itself, alone on its line.
        if (title is null && body is not null && NameLine(text, body.TextStart, body.TextEnd) is { } opening)
        {
            return opening;
        }

        for (var i = paragraphs.Count - 1; i >= Math.Max(0, paragraphs.Count - 2); i--)
        {
            if (AuthorGrammar.Signature(paragraphs[i]) is { } signed)
            {
                return (signed, "generic:signature");
            }
        }

        return null;
    }

    private static (string Value, string Rule)? ReadLines(string text, int start, int end)
    {
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            // Bylines are short lines, or the bracketed tail of a paragraph ("……交流。(信报记者 蔡雪婧)").
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (line.Length > 0 && (line.Length <= MaxBylineLine ? AuthorGrammar.Read(line.ToString()) : TailByline(line)) is { } found)
            {
                return found;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    /// <summary>
    /// An unlabelled name under the headline: bracketed beside the shown date ("2004年7月16日08:19 [ 黄宇 ]"), or alone
    /// on the first line with prose right below it (essays and forum posts put the writer there).
    /// </summary>
    private static (string Value, string Rule)? BareHeaderName(string text, int start, int end, bool header)
    {
        var bracketed = DateBracketName().Match(text, start, end - start);
        if (bracketed.Success && AuthorGrammar.IsBareName(bracketed.Groups["name"].Value))
        {
            return (bracketed.Groups["name"].Value, "generic:dateline-bracket-name");
        }

        if (!header)
        {
            return null;
        }

        return NameLine(text, start, end);
    }

    private static (string Value, string Rule)? NameLine(string text, int start, int end)
    {
        var (line, next) = FirstLines(text, start, end);
        return line is not null && next is { Length: >= MinProseLine } && AuthorGrammar.IsBareName(line) && !TextUtil.IsCjk(next[^1])
            ? (line, "generic:name-line")
            : null;
    }

    /// <summary>The first two non-blank lines of a region, trimmed.</summary>
    private static (string? First, string? Second) FirstLines(string text, int start, int end)
    {
        string? first = null;
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            var line = text.AsSpan(lineStart, (lineEnd < 0 ? end : lineEnd) - lineStart).Trim();
            if (!line.IsEmpty)
            {
                if (first is not null)
                {
                    return (first, line.ToString());
                }

                first = line.ToString();
            }

            lineStart = lineEnd < 0 ? end : lineEnd + 1;
        }

        return (first, null);
    }

    /// <summary>
    /// Bylines that start an element but not a line: inline spans run together in the page text
    /// ("2019-09-26 12:11来源：某某网作者：李强"), so a label is anchored at its element's start instead.
    /// </summary>
    private static (string Value, string Rule)? ReadElements(DomIndex index, int start, int end)
    {
        var nodes = index.Nodes;
        for (var i = FirstAt(nodes, start); i < nodes.Count && nodes[i].TextStart < end; i++)
        {
            var node = nodes[i];
            if (node.TextLength is 0 or > MaxBylineLine || node.InComment || node.Node.ChildNodes.Count == 0)
            {
                continue;
            }

            if (AuthorGrammar.Read(index.TextOf(node)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The editor credit under the headline, around the body or just after it: offered only as the last author
    /// candidate, for pages that name no writer.
    /// </summary>
    public static (string Value, string Rule)? FindEditor(PageContext page, NodeInfo? title, NodeInfo? body, NodeInfo? last)
    {
        var text = page.Index.Text;
        foreach (var (start, end, _) in Regions(text.Length, title, body))
        {
            if (end > start && AuthorGrammar.Editor(text, start, end - start) is { } editor)
            {
                return (editor, "generic:editor-fallback");
            }
        }

        if (last is not null)
        {
            var from = last.TextEnd;
            var to = Math.Min(text.Length, from + EditorAfterBodyWindow);
            if (to > from && AuthorGrammar.Editor(text, from, to - from) is { } after)
            {
                return (after, "generic:editor-fallback");
            }
        }

        return null;
    }

    private static (string Name, string Rule)? TailByline(ReadOnlySpan<char> line)
    {
        var open = line.LastIndexOfAny('（', '(');
        return open >= 0 && line.Length - open <= MaxBylineLine && AuthorGrammar.Reporter(line[open..].ToString()) is { } name ? (name, "generic:reporter-byline") : null;
    }

    /// <summary>
    /// An element classed "source" under the headline holding just a media name, with or without its label
    /// (<c>&lt;span class="source"&gt;某某日报&lt;/span&gt;</c> beside the date): templates mark the credit by class.
    /// </summary>
    private static string? SourceElement(DomIndex index, int start, int end)
    {
        var nodes = index.Nodes;
        for (var i = FirstAt(nodes, start); i < nodes.Count && nodes[i].TextStart < end; i++)
        {
            var node = nodes[i];
            if (node.TextLength is 0 or > MaxAuthorElement || !node.Node.HasAttributes || node.InComment)
            {
                continue;
            }

            var names = string.Concat(node.Node.Attributes["class"]?.Value, " ", node.Node.Attributes["id"]?.Value);
            if (!SourceClass().IsMatch(names))
            {
                continue;
            }

            var value = SourceLabel().Replace(index.TextOf(node).Trim(), string.Empty).Trim();
            if (Clean(value) is { } name && name.Any(TextUtil.IsCjk) && name.All(c => char.IsLetter(c) || c is ' ' or '-' or '·') && !NotAName().IsMatch(name) && !FurnitureWord().IsMatch(name))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>An element classed or named "author" between the headline and the body's end, holding just a name.</summary>
    private static string? AuthorElement(DomIndex index, NodeInfo? title, NodeInfo? body)
    {
        var from = title?.TextEnd ?? body?.TextStart ?? 0;
        var to = body?.TextEnd ?? index.Text.Length;
        foreach (var node in index.Nodes)
        {
            // A commenter's name sits in an author-classed element too.
            if (node.TextStart < from || node.TextLength is 0 or > MaxAuthorElement || !node.Node.HasAttributes || node.InComment)
            {
                continue;
            }

            if (node.TextStart >= to)
            {
                break;
            }

            var names = string.Concat(node.Node.Attributes["class"]?.Value, " ", node.Node.Attributes["id"]?.Value, " ", node.Node.Attributes["itemprop"]?.Value);
            if (!AuthorClass().IsMatch(names))
            {
                continue;
            }

            var value = AuthorLabel().Replace(index.TextOf(node).Trim(), string.Empty).Trim();
            if (value.Length > MaxRunTogetherName && !value.Contains(' ') && FirstChildName(index, node, value) is { } card)
            {
                value = card;
            }

            if (Clean(value) is { } name && AuthorGrammar.IsPlausiblePerson(name))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The blog's owner, named by the page title the way blog platforms build it: "标题_张三_某某博客",
    /// "标题 zboy 某某Blog", "张三的博客". On a blog the owner writes the posts.
    /// </summary>
    public static (string Value, string Rule)? FindBlogOwner(PageContext page)
    {
        var title = TextUtil.Collapse(page.Index.TitleTag);
        var match = OwnersBlog().Match(title);
        if (!match.Success)
        {
            match = BlogTitleOwner().Match(title);
        }

        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim();
        return name.Length is >= 2 and <= 20 && name.Any(char.IsLetter) && !name.All(char.IsDigit) && !BlogWord().IsMatch(name)
            && !NotAName().IsMatch(name) ? (name, "generic:blog-owner") : null;
    }

    /// <summary>
    /// Author cards put the name and a description in sibling elements that run together in the text
    /// ("&lt;a&gt;王文&lt;/a&gt;&lt;span&gt;某某大学研究院执行院长&lt;/span&gt;"): the name is the first child element.
    /// </summary>
    private static string? FirstChildName(DomIndex index, NodeInfo node, string value)
    {
        foreach (var child in node.Node.Descendants())
        {
            if (child.NodeType != HtmlAgilityPack.HtmlNodeType.Element)
            {
                continue;
            }

            var text = index.TextOf(child).Trim();
            if (text.Length is >= 2 and <= MaxRunTogetherName && value.StartsWith(text, StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The poster named in a forum or blog credit line ("本贴由 X 于 … 发表", "由 X 张贴 @ …") within the post.</summary>
    public static (string Value, string Rule)? FindPoster(PageContext page, IReadOnlyList<NodeInfo> body)
    {
        foreach (var line in PostedLines(page.Index.Text, body))
        {
            // Forum logins carry digits ("netuser01"); a credit line names the poster, so a login is the author here.
            if (Clean(line.Name, allowDigits: true) is { } name && name.Any(char.IsLetter))
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
    public static IEnumerable<(string Name, string Date)> PostedLines(string text, IReadOnlyList<NodeInfo> body)
    {
        if (body.Count == 0)
        {
            yield break;
        }

        var start = body[0].TextStart;
        var end = Math.Min(text.Length, body[^1].TextEnd + AfterBodyWindow);
        if (end <= start)
        {
            yield break;
        }

        // Both shapes, in page order: "由 X 于 <date> 发表" and "发布时间 <date> by X" / "Posted by X at <date>".
        var first = PostedLine().Match(text, start, end - start);
        var second = DateByLine().Match(text, start, end - start);
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

    private static string? Labelled(string text, int start, int end, Regex pattern)
    {
        if (end <= start)
        {
            return null;
        }

        var match = pattern.Match(text, start, end - start);
        return match.Success ? Clean(match.Groups["name"].Value) : null;
    }

    /// <summary>"北京市卫生健康委员会、北京市医院管理中心等": the bulletin prints one media, the first named.</summary>
    private static string FirstOfList(string name)
    {
        var cut = name.IndexOf('、');
        return cut >= 2 ? name[..cut] : name;
    }

    /// <summary>
    /// The first date in the header with a bare name as its own element right after it (or, failing that, right before
    /// it). Being a whole element keeps prose out: the body's first sentence also follows the date, but never alone.
    /// </summary>
    private static string? DatelineName(DomIndex index, int start, int end)
    {
        var text = index.Text;
        var date = HeaderDate().Match(text, start, end - start);
        if (!date.Success)
        {
            return null;
        }

        // After: skip separators, take the run up to the next space.
        var from = date.Index + date.Length;
        while (from < text.Length && IsDatelineSeparator(text[from]))
        {
            from++;
        }

        var to = from;
        while (to < text.Length && !TextUtil.IsSpace(text[to]) && text[to] != '\n')
        {
            to++;
        }

        if (AsMediaName(index, from, to, date.Index) is { } after)
        {
            return after;
        }

        // Before: the same, backwards from the date.
        to = date.Index;
        while (to > start && IsDatelineSeparator(text[to - 1]))
        {
            to--;
        }

        from = to;
        while (from > start && !TextUtil.IsSpace(text[from - 1]) && text[from - 1] != '\n')
        {
            from--;
        }

        return AsMediaName(index, from, to, date.Index);
    }

    private static bool IsDatelineSeparator(char c) => TextUtil.IsSpace(c) || c is '\n' or '·' or '|' or '｜' or '/' or '-' or '丨';

    private static string? AsMediaName(DomIndex index, int from, int to, int dateAt)
    {
        var length = to - from;
        if (length is < 2 or > 16)
        {
            return null;
        }

        var token = index.Text.AsSpan(from, length);
        foreach (var c in token)
        {
            if (!char.IsLetter(c))
            {
                return null;
            }
        }

        // Chinese media names carry at least one CJK character; "PDF", "RSS" and button captions do not.
        var value = token.ToString();
        return value.Any(TextUtil.IsCjk) && !NotAName().IsMatch(value) && !FurnitureWord().IsMatch(value)
            && (IsWholeElement(index, from, to) || ClosesDateline(index, from, to, dateAt)) ? value : null;
    }

    /// <summary>
    /// Whether the name ends (or, before the date, starts) an element that also holds the date:
    /// <c>&lt;div class="info"&gt;2021年08月30日 09:15 某某日报&lt;/div&gt;</c>. Prose never closes the date's own element.
    /// </summary>
    private static bool ClosesDateline(DomIndex index, int from, int to, int dateAt)
    {
        var text = index.Text;
        var nodes = index.Nodes;
        var last = FirstAt(nodes, to) - 1;
        for (var node = last >= 0 ? nodes[last] : null; node is not null; node = node.Parent)
        {
            if (node.TextStart > Math.Min(from, dateAt) || node.TextEnd < Math.Max(to, dateAt))
            {
                continue;
            }

            var edge = from > dateAt ? text.AsSpan(to, node.TextEnd - to) : text.AsSpan(node.TextStart, from - node.TextStart);
            return edge.IsWhiteSpace() && node.TextLength <= MaxBylineLine;
        }

        return false;
    }

    /// <summary>Whether some element's text is exactly [from, to): nodes are in document order, so a binary search finds it.</summary>
    private static bool IsWholeElement(DomIndex index, int from, int to)
    {
        var nodes = index.Nodes;
        for (var i = FirstAt(nodes, from); i < nodes.Count && nodes[i].TextStart == from; i++)
        {
            if (nodes[i].TextEnd == to || (nodes[i].TextEnd > to && index.Text.AsSpan(to, nodes[i].TextEnd - to).IsWhiteSpace()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first node whose text starts at or after <paramref name="from"/>: nodes are in document order.</summary>
    private static int FirstAt(IReadOnlyList<NodeInfo> nodes, int from)
    {
        int lo = 0, hi = nodes.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (nodes[mid].TextStart < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Under the headline (the header), then around the body's first block.</summary>
    private static IEnumerable<(int Start, int End, bool Header)> Regions(int length, NodeInfo? title, NodeInfo? body)
    {
        if (title is not null)
        {
            yield return (title.TextEnd, Math.Min(length, title.TextEnd + HeaderWindow), true);
        }

        if (body is not null)
        {
            yield return (Math.Max(0, body.TextStart - NearBodyWindow), Math.Min(length, body.TextEnd + AfterBodyWindow), false);
        }
    }

    /// <summary>Cuts a following label ("新京报 作者：…") and rejects values that are not names.</summary>
    private static string? Clean(string value, bool allowDigits = false)
    {
        var cut = NextLabel().Match(value);
        if (cut.Success)
        {
            value = value[..cut.Index];
        }

        value = value.Trim(' ', '-', '|', '/', '　', '·');
        return value.Length is >= 2 and <= 30 && (allowDigits || !value.Any(char.IsDigit)) ? value : null;
    }

    // Names may hold "-" or "·" (某某财经-自媒体综合), Latin words with single spaces (China Daily), a bracketed
    // qualifier after them (某某网[整理], dropped) and an "author/media" pair (张三/某某日报, the media kept).
    [GeneratedRegex(@"(?<!图片|图|照片|视频|数据|资料|题图|封面)(?:来源于?|稿源|文章来源|信息来源|本文来源|出处|(?<![\p{IsCJKUnifiedIdeographs}])(?:本文)?转(?:载)?自)\s*[:：]\s*[\[【［]?\s*(?:(?<author>[\p{IsCJKUnifiedIdeographs}]{2,4})\s*[/／]\s*)?(?<name>[^\s:：|｜/，,。;；\[\]【】()（）]{2,40}(?: [A-Za-z][A-Za-z.&]*){0,4})", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"(?<![a-z])(?:author|byline|writer)(?!-?(?:card|box|avatar|img|pic|list|head|info|desc|intro|follow))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorClass();

    [GeneratedRegex(@"(?<![a-z])(?:source|laiyuan|origin)(?![a-z]*(?:link|url|icon|img|pic))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceClass();

    [GeneratedRegex(@"^(?:本文|文章|信息|稿件)?(?:来源于?|稿源|出处)\s*[:：]?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLabel();

    [GeneratedRegex(@"^(?:作者|文|撰文|记者|By|by)\s*[:：]?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLabel();

    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?:[-/.][0-9]{1,2}[-/.][0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日?)(?:\s{0,2}[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderDate();

    /// <summary>Page furniture that also sits beside the date: labels, share and font buttons, counters, weekdays.</summary>
    [GeneratedRegex(@"^(?:来源|作者|编辑|责编|责任编辑|记者|发布|时间|日期|原创|转载|分享|分享到|字号|收藏|评论|阅读|浏览|点击|打印|关闭|举报|关注|订阅|微博|微信|首页|正文|返回|缩小字体|放大字体|大|中|小|星期.|周.|上午|下午|来源于|本站|本文|原文|发布于|发表于|更新于|发布时间|更新时间)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    /// <summary>Button and counter captions that contain these words anywhere ("字体放大", "我要分享", "更新时间").</summary>
    [GeneratedRegex(@"分享|字体|字号|时间|日期|打印|收藏|评论|阅读|浏览|关闭|举报|订阅|关注|登录|注册|点赞", RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureWord();

    /// <summary>"本贴由 大卫 于2005年8月12日16:12:21在〖版块〗发表", "由海姑娘张贴 @ 2005-03-21 01:20:44".</summary>
    [GeneratedRegex("""
        由\s{0,2}(?<name>[^\s，。,;；:：@＠]{1,20}?)\s{0,2}
        (?:
            于\s{0,2}(?<date>[0-9０-９][^。\n〖【]{5,40}?)\s{0,2}(?:在[^。\n]{0,40}?)?(?:发表|发布|张贴|发帖)
          | (?:张贴|发表|发布|发帖)\s{0,2}(?:于|@|＠)?\s{0,2}(?<date>[0-9０-９][-0-9０-９/.年月日:： ]{5,30})
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex PostedLine();

    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?:[-/.][0-9]{1,2}[-/.][0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日?)(?:\s{0,2}[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s{0,3}[\[【［]\s{0,2}(?<name>[\p{IsCJKUnifiedIdeographs}]{2,4})\s{0,2}[\]】］]", RegexOptions.CultureInvariant)]
    private static partial Regex DateBracketName();

    [GeneratedRegex(@"(?<name>[^\s_|｜\-—–:：,，。\[\]【】()（）]{2,20})的(?:个人)?(?:博客|[Bb][Ll][Oo][Gg]|空间|专栏)", RegexOptions.CultureInvariant)]
    private static partial Regex OwnersBlog();

    [GeneratedRegex(@"(?:^|\s|[_|｜\-—–])(?<name>[^\s_|｜\-—–]{2,20})\s*(?:\s|[_|｜\-—–])\s*[^\s_|｜\-—–]{0,12}(?:博客|[Bb][Ll][Oo][Gg])(?:网|频道|中国)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BlogTitleOwner();

    [GeneratedRegex(@"(?:博客|blog|网|频道|空间)$|^(?:首页|文章|日志|新浪|搜狐|网易)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlogWord();

    /// <summary>"发布时间 2005/03/15 22:36:13 by 某人", "Posted by 某人 at 2005-03-21 01:20": credits written the Latin way.</summary>
    [GeneratedRegex("""
        (?:
            (?:发布|发表|张贴|发帖|posted)(?:时间|日期|于)?\s{0,2}[:：]?\s{0,2}(?<date>[0-9０-９][-0-9０-９/.年月日:： ]{5,30}?)\s{0,3}by\s{1,3}(?<name>[^\s〓，。,;；:：@＠|｜]{2,20})
          | [Pp]osted\s{1,2}by\s{1,3}(?<name>[^\s〓，。,;；:：@＠|｜]{2,20})\s{1,3}(?:at|on|@|于)\s{1,3}(?<date>[0-9][-0-9/.年月日:： ]{5,30})
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateByLine();

    [GeneratedRegex(@"\s*(?:作者|编辑|记者|时间|发布|浏览|阅读|点击|责任|日期|字号|来源|出自|出处|\d{4}[-年/.])", RegexOptions.CultureInvariant)]
    private static partial Regex NextLabel();
}
