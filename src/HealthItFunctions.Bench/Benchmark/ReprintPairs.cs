using System.Globalization;
using System.Text;

namespace HealthItFunctions.Cli.Benchmark;

internal enum PairKind
{
    BoilerplateSwap,
    ParagraphDrop,
    SmallEdits,
    TitleEdit,
    Combined,

    /// <summary>A site runs only the lead part (about a third) of the story, under its own furniture.</summary>
    Excerpt,
    SameTopic,
    SameTopicSameHospital,
    OtherTopic,

    /// <summary>The lead third of another story on the same topic: an excerpt of something else.</summary>
    SameTopicLead,
}

/// <summary>Two articles and whether the second is a reprint of the first.</summary>
internal sealed record ArticlePair(PairKind Kind, string TitleA, string BodyA, string TitleB, string BodyB)
{
    public bool IsReprint => Kind < PairKind.SameTopic;
}

/// <summary>
/// A deterministic synthetic set of reprints (what republishing sites change) and of different stories (what they do
/// not): the ground truth for choosing the SimHash shingle size and Hamming threshold.
/// </summary>
internal sealed class ReprintPairs
{
    private static readonly string[] Media = ["人民日报", "中国数字医学", "HIT专家网", "健康报", "北京日报", "新京报", "中国新闻网", "新浪科技", "北京青年报", "千龙网"];

    private static readonly string[] Headers =
    [
        "来源：{M}", "作者：{P}  发布时间：2021-08-{d}", "原标题：{T}", "{M}  2021-08-{d} 09:{d}", "字号：大 中 小", "发布日期：2021年08月{d}日  来源：{M}",
    ];

    private static readonly string[] Footers =
    [
        "责任编辑：{P}", "（本文来源：{M}）", "声明：本文转载自{M}，版权归原作者所有，如有侵权请联系删除。", "更多精彩内容，请下载{M}客户端。",
        "扫码关注{M}公众号", "【纠错】 【责任编辑：{P}】", "分享到：微信 微博 QQ空间", "图片来源：{M}", "审核：{P}  校对：{P}",
        "欢迎转发分享，让更多人看到。",
    ];

    private static readonly string[] Insertions = ["记者了解到，", "据了解，", "值得一提的是，", "另外，", "同时，"];

    private readonly Random _random;
    private readonly SyntheticStories _stories;

    public ReprintPairs(int seed)
    {
        _random = new Random(seed);
        _stories = new SyntheticStories(_random);
    }

    /// <summary><paramref name="perKind"/> pairs of each reprint kind and as many different-story pairs in total.</summary>
    public IReadOnlyList<ArticlePair> Generate(int perKind)
    {
        var pairs = new List<ArticlePair>();
        var reprintKinds = Enum.GetValues<PairKind>().Where(k => k < PairKind.SameTopic && k != PairKind.Excerpt).ToList();
        foreach (var kind in reprintKinds)
        {
            for (var i = 0; i < perKind; i++)
            {
                pairs.Add(Reprint(kind));
            }
        }

        var negatives = perKind * reprintKinds.Count;
        for (var i = 0; i < negatives; i++)
        {
            pairs.Add((i % 5) switch
            {
                0 or 1 => Different(PairKind.SameTopic),
                2 or 3 => Different(PairKind.SameTopicSameHospital),
                _ => Different(PairKind.OtherTopic),
            });
        }

        return pairs;
    }

    /// <summary><paramref name="count"/> excerpt reprints (the lead third) and as many leads of another same-topic story.</summary>
    public IReadOnlyList<ArticlePair> Excerpts(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Reprint(PairKind.Excerpt)), .. Enumerable.Range(0, count).Select(_ => Different(PairKind.SameTopicLead))];

    /// <summary><paramref name="count"/> different stories (topics at random, each with its site's furniture): a month of originals.</summary>
    public IReadOnlyList<(string Title, string Body)> DistinctStories(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => _stories.Write(_stories.Pick(_stories.TopicNames))).Select(s => (s.Title, WithBoilerplate(s.Title, [.. s.Paragraphs])))];

    /// <summary>
    /// A month of <paramref name="count"/> distinct stories where every fifth is only the lead third of a story not in
    /// the month: short pieces that sit mostly inside other stories of their topic, the hard case for excerpt containment.
    /// </summary>
    public IReadOnlyList<(string Title, string Body)> DistinctStoriesWithLeads(int count) =>
        [.. Enumerable.Range(0, count).Select(i => _stories.Write(_stories.Pick(_stories.TopicNames)) is var s && i % 5 == 4
            ? (s.Title, WithBoilerplate(s.Title, Lead([.. s.Paragraphs])))
            : (s.Title, WithBoilerplate(s.Title, [.. s.Paragraphs])))];

    private ArticlePair Reprint(PairKind kind)
    {
        var story = _stories.Write(_stories.Pick(_stories.TopicNames));
        var original = WithBoilerplate(story.Title, [.. story.Paragraphs]);
        var paragraphs = story.Paragraphs.ToList();
        var title = story.Title;
        switch (kind)
        {
            case PairKind.ParagraphDrop:
                DropParagraph(paragraphs);
                break;
            case PairKind.SmallEdits:
                SmallEdits(paragraphs, _random.Next(1, 7));
                break;
            case PairKind.TitleEdit:
                title = EditTitle(title);
                break;
            case PairKind.Excerpt:
                paragraphs = Lead(paragraphs);
                break;
            case PairKind.Combined:
                DropParagraph(paragraphs);
                SmallEdits(paragraphs, _random.Next(1, 4));
                title = EditTitle(title);
                break;
        }

        // Every reprint carries its own site's furniture: the original's header and footer never travel unchanged.
        return new ArticlePair(kind, story.Title, original, title, WithBoilerplate(title, paragraphs));
    }

    private ArticlePair Different(PairKind kind)
    {
        var topic = _stories.Pick(_stories.TopicNames);
        var hospital = _stories.PickHospital();
        var a = _stories.Write(topic, kind == PairKind.SameTopicSameHospital ? hospital : null);
        var otherTopic = kind == PairKind.OtherTopic ? _stories.Pick(_stories.TopicNames.Where(t => t != topic).ToList()) : topic;
        var b = _stories.Write(otherTopic, kind == PairKind.SameTopicSameHospital ? hospital : null);
        var bParagraphs = kind == PairKind.SameTopicLead ? Lead([.. b.Paragraphs]) : [.. b.Paragraphs];
        return new ArticlePair(kind, a.Title, WithBoilerplate(a.Title, [.. a.Paragraphs]), b.Title, WithBoilerplate(b.Title, bParagraphs));
    }

    /// <summary>The lead third of a story's paragraphs (at least one), as an excerpting site runs it.</summary>
    private static List<string> Lead(List<string> paragraphs) => paragraphs.Take(Math.Max(1, (paragraphs.Count + 2) / 3)).ToList();

    private void DropParagraph(List<string> paragraphs)
    {
        if (paragraphs.Count > 3)
        {
            // Editors mostly cut from the end; sometimes a middle paragraph goes.
            paragraphs.RemoveAt(_random.NextDouble() < 0.5 ? paragraphs.Count - 1 : _random.Next(1, paragraphs.Count - 1));
        }
    }

    private void SmallEdits(List<string> paragraphs, int edits)
    {
        for (var e = 0; e < edits; e++)
        {
            var p = _random.Next(paragraphs.Count);
            var text = paragraphs[p];
            var at = _random.Next(text.Length);
            paragraphs[p] = _random.Next(4) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, "的"),
                2 => text.Replace('，', '、'),
                _ => text.Insert(SentenceStart(text), _stories.Pick(Insertions)),
            };
        }
    }

    private int SentenceStart(string text)
    {
        var ends = Enumerable.Range(0, text.Length).Where(i => text[i] == '。' && i + 1 < text.Length).ToList();
        return ends.Count == 0 ? 0 : ends[_random.Next(ends.Count)] + 1;
    }

    private string EditTitle(string title) => _random.Next(3) switch
    {
        0 => $"{_stories.Pick(Media)}：{title}",
        1 => $"{title}，患者点赞",
        _ => title.Length > 8 ? title[..^3] + "新进展" : title + "！",
    };

    /// <summary>A site's header lines, a byline lead in the first paragraph sometimes, and footer lines.</summary>
    private string WithBoilerplate(string title, List<string> paragraphs)
    {
        var media = _stories.Pick(Media);
        var text = new StringBuilder();
        foreach (var header in Enumerable.Range(0, _random.Next(0, 3)).Select(_ => _stories.Pick(Headers)))
        {
            text.AppendLine(Fill(header, media, title));
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            var lead = i == 0 && _random.NextDouble() < 0.3 ? $"{media}讯（记者 {_stories.PickPerson()}）" : "";
            text.AppendLine(lead + paragraphs[i]);
        }

        foreach (var footer in Enumerable.Range(0, _random.Next(1, 4)).Select(_ => _stories.Pick(Footers)))
        {
            text.AppendLine(Fill(footer, media, title));
        }

        return text.ToString();
    }

    private string Fill(string line, string media, string title) => line
        .Replace("{M}", media, StringComparison.Ordinal)
        .Replace("{T}", title, StringComparison.Ordinal)
        .Replace("{P}", _stories.PickPerson(), StringComparison.Ordinal)
        .Replace("{d}", _random.Next(10, 29).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
