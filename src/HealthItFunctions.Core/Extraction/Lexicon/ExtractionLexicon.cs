using System.Text.Json.Serialization;

namespace HealthItFunctions.Core.Extraction.Lexicon;

/// <summary>
/// Every word the extractor knows, as data (seeds/extraction-lexicon.json): labels, role words, gate and boilerplate
/// phrases, comment and image-credit markers, name rules. The code keeps the grammar (where a label may stand, what
/// ends a name); the lexicon fills in the words, so an operator adds a label without a release.
/// </summary>
public sealed record ExtractionLexicon
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required LexiconLabels Labels { get; init; }

    public required LexiconRoles Roles { get; init; }

    public required LexiconGate Gate { get; init; }

    public required LexiconBoilerplate Boilerplate { get; init; }

    public required LexiconComments Comments { get; init; }

    /// <summary>Words before a 来源 label that make it an image's credit, not the article's ("图片来源：…").</summary>
    public required IReadOnlyList<string> ImageCredits { get; init; }

    public required LexiconOriginal Original { get; init; }

    public required LexiconBlogs Blogs { get; init; }

    public required LexiconNames Names { get; init; }

    public required LexiconScript Script { get; init; }
}

public sealed record LexiconLabels
{
    /// <summary>来源 labels: "来源：新华社".</summary>
    public required IReadOnlyList<string> Source { get; init; }

    /// <summary>Reprint labels standing for 来源: "转载自：…".</summary>
    public required IReadOnlyList<string> Repost { get; init; }

    /// <summary>Words before a 来源 label in an element classed "source": "本文来源于".</summary>
    public required IReadOnlyList<string> SourcePrefixes { get; init; }

    /// <summary>Author labels at a line start: "作者：张明".</summary>
    public required IReadOnlyList<string> Author { get; init; }

    /// <summary>Labels stripped from an element classed "author".</summary>
    public required IReadOnlyList<string> AuthorElement { get; init; }

    public required IReadOnlyList<string> Editor { get; init; }

    /// <summary>Labels of the publish time line: "发布时间：".</summary>
    public required IReadOnlyList<string> PublishTime { get; init; }

    /// <summary>Words that make a date near them a publish date rather than narrative.</summary>
    public required IReadOnlyList<string> DateWords { get; init; }

    /// <summary>Labels of a modification time, which is never the publish time.</summary>
    public required IReadOnlyList<string> Updated { get; init; }

    /// <summary>Labels that make the line under a heading a publish line (the heading is then the headline).</summary>
    public required IReadOnlyList<string> DatelineInHeading { get; init; }

    /// <summary>Labels that end a credited name: "作者：张明 编辑：…".</summary>
    public required IReadOnlyList<string> AfterCredit { get; init; }

    /// <summary>Labels that cut a run-together value: "新京报 作者：…".</summary>
    public required IReadOnlyList<string> NextLabel { get; init; }

    /// <summary>Labels of a metadata line (date, views, font size) that is not body text.</summary>
    public required IReadOnlyList<string> MetaLine { get; init; }

    /// <summary>Nouns after a posting verb: "发布时间".</summary>
    public required IReadOnlyList<string> TimeNouns { get; init; }

    /// <summary>Verbs of a forum credit: "由 X 于 … 发表".</summary>
    public required IReadOnlyList<string> PostedVerbs { get; init; }

    /// <summary>Where a post was made: "IP属地：上海".</summary>
    public required IReadOnlyList<string> Place { get; init; }
}

public sealed record LexiconRoles
{
    public required IReadOnlyList<string> Reporter { get; init; }

    public required IReadOnlyList<string> ReporterQualifiers { get; init; }

    /// <summary>"驻京记者": stationed in a place.</summary>
    public required IReadOnlyList<string> Stationed { get; init; }

    /// <summary>"本报记者": the outlet naming itself.</summary>
    public required IReadOnlyList<string> OwnOutlet { get; init; }

    /// <summary>Endings of an outlet name before 记者: "某某日报记者".</summary>
    public required IReadOnlyList<string> OutletSuffixes { get; init; }

    public required IReadOnlyList<string> Reported { get; init; }

    public required IReadOnlyList<string> SentFrom { get; init; }

    public required IReadOnlyList<string> Photo { get; init; }

    /// <summary>The wire dateline's verb: "新华社北京电".</summary>
    public required IReadOnlyList<string> Wire { get; init; }

    /// <summary>Contributors credited beside the reporter: 通讯员, 实习生.</summary>
    public required IReadOnlyList<string> Contributors { get; init; }

    /// <summary>Role words that are never a name ("报道", "摄影", "编译").</summary>
    public required IReadOnlyList<string> Words { get; init; }

    /// <summary>Credit labels whose line is not body text ("责任编辑：", "校对：").</summary>
    public required IReadOnlyList<string> CreditLines { get; init; }
}

public sealed record LexiconGate
{
    public required IReadOnlyList<string> Deleted { get; init; }

    public required IReadOnlyList<string> Blocked { get; init; }
}

public sealed record LexiconBoilerplate
{
    public required IReadOnlyList<string> Phrases { get; init; }

    public required IReadOnlyList<string> ReprintNotice { get; init; }

    /// <summary>What a reprint notice asks for, a few characters after it: "转载请注明出处".</summary>
    public required IReadOnlyList<string> ReprintCondition { get; init; }

    public required IReadOnlyList<string> Unauthorised { get; init; }

    /// <summary>What an unauthorised-reprint notice says is missing: "未经本网授权，不得转载".</summary>
    public required IReadOnlyList<string> Permission { get; init; }

    public required IReadOnlyList<string> Forbidding { get; init; }

    /// <summary>Buttons that are a whole line: "举报", "点赞".</summary>
    public required IReadOnlyList<string> WholeLine { get; init; }

    public required IReadOnlyList<string> LineStarts { get; init; }

    /// <summary>Headings after which the page lists other pages: "相关阅读".</summary>
    public required IReadOnlyList<string> SectionEnds { get; init; }

    /// <summary>Captions that sit beside the date and are no media name.</summary>
    public required IReadOnlyList<string> Furniture { get; init; }

    /// <summary>Weekday prefixes: "星期一", "周二".</summary>
    public required IReadOnlyList<string> FurnitureWeekdays { get; init; }

    public required IReadOnlyList<string> ButtonWords { get; init; }

    /// <summary>Class or id words that mark the article's container.</summary>
    public required IReadOnlyList<string> ContentClassWords { get; init; }
}

public sealed record LexiconComments
{
    public required IReadOnlyList<string> ClassNames { get; init; }

    public required IReadOnlyList<string> TimeAgoUnits { get; init; }

    public required IReadOnlyList<string> JustNow { get; init; }
}

public sealed record LexiconOriginal
{
    /// <summary>A page marked with one of these is the site's own content: the site is its 来源.</summary>
    public required IReadOnlyList<string> Markers { get; init; }

    /// <summary>An article-level copyright claim ("本文版权归某某网所有"): original when it names the site.</summary>
    public required IReadOnlyList<string> Copyright { get; init; }
}

public sealed record LexiconBlogs
{
    /// <summary>"张三的博客": the owner before these.</summary>
    public required IReadOnlyList<string> OwnerSuffix { get; init; }

    /// <summary>Matched case-insensitively: "博客", "blog".</summary>
    public required IReadOnlyList<string> PlatformWords { get; init; }

    /// <summary>What may follow the platform word at the title's end: "博客网".</summary>
    public required IReadOnlyList<string> PlatformSuffix { get; init; }

    public required IReadOnlyList<string> NotOwnerEndings { get; init; }

    public required IReadOnlyList<string> NotOwnerStarts { get; init; }
}

public sealed record LexiconNames
{
    /// <summary>Single-character surnames, as one string of characters.</summary>
    public required string CommonSurnames { get; init; }

    public required IReadOnlyList<string> CompoundSurnames { get; init; }

    /// <summary>Words that follow 记者 in a sentence ("记者从…获悉"), never names.</summary>
    public required IReadOnlyList<string> NotNameStarts { get; init; }

    public required IReadOnlyList<string> StopWords { get; init; }

    /// <summary>Outlet and unit endings: "（新华社）" credits an outlet, not a person.</summary>
    public required IReadOnlyList<string> OutletEndings { get; init; }

    /// <summary>Endings of institutions and teams a page may credit as its author: "某某党支部".</summary>
    public required IReadOnlyList<string> InstitutionEndings { get; init; }

    /// <summary>Outlet endings after a slash signature: "吴敏/某某日报".</summary>
    public required IReadOnlyList<string> SignatureOutlets { get; init; }

    /// <summary>CMS vendors, logins and placeholders that metadata gives as the author (matched anywhere).</summary>
    public required IReadOnlyList<string> NotPersons { get; init; }

    /// <summary>Placeholders that are no person only when they are the whole value.</summary>
    public required IReadOnlyList<string> NotPersonsExact { get; init; }
}

public sealed record LexiconScript
{
    /// <summary>Characters only simplified Chinese uses.</summary>
    public required string SimplifiedOnly { get; init; }

    /// <summary>Their traditional forms.</summary>
    public required string TraditionalOnly { get; init; }
}
