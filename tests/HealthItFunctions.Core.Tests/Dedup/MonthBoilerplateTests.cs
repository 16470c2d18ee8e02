using HealthItFunctions.Core.Dedup;

namespace HealthItFunctions.Core.Tests.Dedup;

/// <summary>
/// A month of stories on one topic that share most of its stock sentences (fixtures under Dedup/Fixtures) and differ in
/// their own institution, people and figures: siblings stay apart once the month's common sketch values are set aside;
/// reprints and lead excerpts of one story still merge.
/// </summary>
public sealed class MonthBoilerplateTests
{

    private static readonly string[] Stock = Lines("same-topic-stock.txt");
    private static readonly string[] Specific = Lines("same-topic-specific.txt");
    private static readonly string[] Districts = ["东城", "西城", "朝阳", "海淀", "丰台", "石景山", "门头沟", "房山", "通州", "顺义", "昌平", "大兴", "怀柔", "平谷", "密云", "延庆"];
    private static readonly string[] Kinds = ["区医院", "中医医院", "妇幼保健院", "社区卫生服务中心"];
    private static readonly string[] Surnames = ["高", "林", "宋", "韩", "冯", "邓", "曹", "彭", "袁", "蒋", "沈", "谢"];
    private static readonly string[] Given = ["文", "立", "佳", "冰", "远", "超", "阳", "飞", "琪", "涛"];

    private readonly NearDuplicateDetector _detector = new();

    [Fact]
    public void IsCommon_ValueHeldByManyStories_True()
    {
        var random = new Random(42);
        var shared = Sketch(random);
        var month = MonthBoilerplate.FromStories([.. Enumerable.Range(0, 30).Select(_ => shared), .. Enumerable.Range(0, 200).Select(_ => Sketch(random))]);

        Assert.True(month.IsCommon(0, shared[0]));
        Assert.Equal(230, month.Stories);
    }

    [Fact]
    public void IsCommon_ValuesAtChance_NoneCommon()
    {
        var random = new Random(2000);
        var month = MonthBoilerplate.FromStories(Enumerable.Range(0, 2000).Select(_ => Sketch(random)));

        var common = Enumerable.Range(0, MinHashSketch.DefaultSlots).Sum(k => Enumerable.Range(0, 256).Count(v => month.IsCommon(k, (byte)v)));

        Assert.Equal(0, common);
    }

    [Fact]
    public void Compare_SameTopicStoriesOfOneMonth_RawRuleMergesManyBoilerplateRuleAlmostNone()
    {
        var random = new Random(20261207);
        var stories = Month(random).Select(Signed).ToList();
        var month = MonthBoilerplate.FromStories(stories.Select(s => s.Sketch));

        var pairs = stories.SelectMany((a, i) => stories.Skip(i + 1).Select(b => (a, b))).ToList();
        var raw = pairs.Count(p => _detector.IsNearDuplicate(p.a, p.b));
        var discounted = pairs.Count(p => _detector.IsNearDuplicate(p.a, p.b, month));

        // The fixture must be hard: siblings that share the topic's stock sentences pass the raw sketch rule (175 of 2,016).
        Assert.True(raw >= 50, $"only {raw} sibling pairs pass the raw rule; the fixture no longer tests boilerplate");
        Assert.True(discounted * 1000 <= pairs.Count, $"raw {raw}, discounted {discounted} of {pairs.Count}");
    }

    [Fact]
    public void Compare_ReprintAndLeadExcerptInTheirMonth_Duplicates()
    {
        var random = new Random(7);
        var month = MonthBoilerplate.FromStories(Month(random).Select(s => Signed(s).Sketch));
        var merged = 0;
        const int Trials = 40;
        for (var t = 0; t < Trials; t++)
        {
            var story = Story(random, Institutions[random.Next(Institutions.Length)]);
            var full = Signed(story);
            var reprint = Signed([.. story.Where((_, i) => i != story.Count - 1)]);
            var lead = Signed([.. story.Take(story.Count / 3)]);

            Assert.True(_detector.IsNearDuplicate(full, reprint, month), $"reprint {t}: {_detector.Compare(full, reprint, month)}");
            merged += _detector.IsNearDuplicate(full, lead, month) ? 1 : 0;
        }

        Assert.True(merged >= Trials * 0.85, $"{merged} of {Trials} lead excerpts merged");
    }

    [Fact]
    public void Compare_NoBoilerplate_RawVerdictUnchanged()
    {
        var random = new Random(3);
        var story = Story(random, Institutions[0]);

        var verdict = _detector.Compare(Signed(story), Signed([.. story.Take(story.Count - 1)]));

        Assert.True(verdict.IsDuplicate);
        Assert.Null(verdict.DistinctiveSimilarity);
    }

    private static readonly string[] Institutions = [.. Districts.SelectMany(d => Kinds.Select(k => d + k))];

    /// <summary>A month of the topic: one story from each institution (different stories, never the same event twice).</summary>
    private static IEnumerable<List<string>> Month(Random random) => Institutions.OrderBy(_ => random.Next()).Select(i => Story(random, i)).ToList();

    /// <summary>The story's own sentences first (a news lead), then most of the topic's stock sentences in a shuffled order.</summary>
    private static List<string> Story(Random random, string institution)
    {
        var person = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
        var own = Specific.Select(t => t.Replace("{H}", institution, StringComparison.Ordinal).Replace("{P}", person, StringComparison.Ordinal))
            .Select(t => Figures(t, random));
        var stock = Stock.OrderBy(_ => random.Next()).Take(Stock.Length - 1);
        return [.. own, .. stock];
    }

    private static string Figures(string template, Random random)
    {
        var parts = template.Split("{N}");
        return string.Concat(parts.Select((p, i) => i == 0 ? p : random.Next(2, 999) + p));
    }

    private DedupSignature Signed(IReadOnlyList<string> paragraphs) => _detector.Signature(null, string.Join("\n", paragraphs))!;

    private static byte[] Sketch(Random random)
    {
        var bytes = new byte[MinHashSketch.DefaultSlots];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string[] Lines(string name) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Dedup", "Fixtures", name)).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
