using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Generic;
using static HealthItFunctions.Core.Extraction.Lexicon.Words;

namespace HealthItFunctions.Core.Extraction.Lexicon;

/// <summary>
/// The lexicon compiled once into the patterns the extractor runs: built at start (and again only when an operator's
/// edited lexicon is accepted), immutable after, shared by every page. The regex shapes here are the grammar; every
/// word in them comes from <see cref="ExtractionLexicon"/>.
/// </summary>
public sealed class ExtractionVocabulary
{
    public ExtractionVocabulary(ExtractionLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        var labels = lexicon.Labels;
        var roles = lexicon.Roles;
        var boilerplate = lexicon.Boilerplate;
        Authors = new AuthorGrammar(lexicon);
        Cleaner = new BodyCleaner(lexicon);
        SimplifiedOnly = lexicon.Script.SimplifiedOnly;
        TraditionalOnly = lexicon.Script.TraditionalOnly;

        // Names may hold "-" or "·" (某某财经-自媒体综合), Latin words with single spaces (China Daily), a bracketed
        // qualifier after them (某某网[整理], dropped) and an "author/media" pair (张三/某某日报, the media kept).
        SourceLine = Compile("(?<!" + Alt(lexicon.ImageCredits) + ")(?:" + Entry("labels.source", labels.Source) + @"|(?<![\p{IsCJKUnifiedIdeographs}])" + Entry("labels.repost", labels.Repost) + @")\s*[:：]\s*[\[【［]?\s*"
            + @"(?:(?<author>[\p{IsCJKUnifiedIdeographs}]{2,4})\s*[/／]\s*)?(?<name>[^\s:：|｜/，,。;；\[\]【】()（）]{2,40}(?: [A-Za-z][A-Za-z.&]*){0,4})");
        SourceElementLabel = Compile("^" + Alt(labels.SourcePrefixes) + "?" + Alt(labels.Source) + @"\s*[:：]?\s*");
        AuthorElementLabel = Compile("^(?:" + Alt(labels.AuthorElement) + @"|By|by)\s*[:：]?\s*");
        NotAName = Compile("^(?:" + Alt(boilerplate.Furniture) + "|" + Alt(boilerplate.FurnitureWeekdays) + ".)$");
        FurnitureWord = Compile(Alt(boilerplate.ButtonWords));
        NextLabel = Compile(@"\s*(?:" + Alt(labels.NextLabel) + @"|\d{4}[-年/.])");
        var posted = Alt(labels.PostedVerbs);
        PostedLine = Compile(
            @"由\s{0,2}(?<name>[^\s，。,;；:：@＠]{1,20}?)\s{0,2}(?:于\s{0,2}(?<date>[0-9０-９][^。\n〖【]{5,40}?)\s{0,2}(?:在[^。\n]{0,40}?)?" + posted
            + @"|" + posted + @"\s{0,2}(?:于|@|＠)?\s{0,2}(?<date>[0-9０-９][-0-9０-９/.年月日:： ]{5,30}))");
        DateByLine = Compile(
            "(?:" + posted + "|posted)(?:" + Alt(labels.TimeNouns) + @"|于)?\s{0,2}[:：]?\s{0,2}(?<date>[0-9０-９][-0-9０-９/.年月日:： ]{5,30}?)\s{0,3}by\s{1,3}(?<name>[^\s〓，。,;；:：@＠|｜]{2,20})"
            + @"|[Pp]osted\s{1,2}by\s{1,3}(?<name>[^\s〓，。,;；:：@＠|｜]{2,20})\s{1,3}(?:at|on|@|于)\s{1,3}(?<date>[0-9][-0-9/.年月日:： ]{5,30})", RegexOptions.IgnoreCase);
        var blog = Alt(lexicon.Blogs.PlatformWords);
        OwnersBlog = Compile(@"(?<name>[^\s_|｜\-—–:：,，。\[\]【】()（）]{2,20})" + Alt(lexicon.Blogs.OwnerSuffix));
        BlogTitleOwner = Compile(@"(?:^|\s|[_|｜\-—–])(?<name>[^\s_|｜\-—–]{2,20})\s*(?:\s|[_|｜\-—–])\s*[^\s_|｜\-—–]{0,12}" + blog + "(?:" + Alt(lexicon.Blogs.PlatformSuffix) + @")?\s*$", RegexOptions.IgnoreCase);
        BlogWord = Compile("(?:" + blog + "|" + Alt(lexicon.Blogs.NotOwnerEndings) + ")$|^" + Alt(lexicon.Blogs.NotOwnerStarts), RegexOptions.IgnoreCase);

        DateLabel = Compile(Alt(labels.DateWords), RegexOptions.IgnoreCase);
        ModifiedLabel = Compile(Alt(labels.Updated) + @"\s*[:：]?\s*$|Updated|Modified", RegexOptions.IgnoreCase);
        LabelledDate = Compile(Alt(labels.PublishTime) + @"\s*[:：]?\s*");
        DatelineLabel = Compile(Alt(labels.DatelineInHeading) + "|" + Alt(labels.Source) + @"\s*[:：]|" + Alt(labels.PublishTime) + @"\s*[:：]\s*(?:19|20)[0-9]{2}");
        DraftSourceLabel = Compile("^" + Alt(labels.Source) + @"\s*[:：]\s*");
        CommentName = Compile(@"(?<![a-z])(?:" + Alt(lexicon.Comments.ClassNames) + ")(?!-(?:open|closed|count|num))", RegexOptions.IgnoreCase);
        RecentTime = Compile(@"(?<![0-9])[0-2]?[0-9]:[0-5][0-9](?![0-9])|[0-9]+\s*" + Alt(lexicon.Comments.TimeAgoUnits) + "前|" + Alt(lexicon.Comments.JustNow));
        ContentClass = Compile(@"(?<![a-z])(?:article|content|post|entry|text|body|main|story|detail|rich_media|zw(?![a-z])|txt|" + Alt(boilerplate.ContentClassWords) + ")", RegexOptions.IgnoreCase);
        OriginalMark = Compile(@"(?<![\p{IsCJKUnifiedIdeographs}])" + Entry("original.markers", lexicon.Original.Markers) + @"(?![\p{IsCJKUnifiedIdeographs}])");
        CopyrightTo = Compile(Alt(lexicon.Original.Copyright) + @"\s*(?<owner>[^\s，。,；;]{2,30}?)\s*所有");
    }

    /// <summary>
    /// An alternation that records which lexicon list matched, for <c>healthit explain</c>: the group's name is the
    /// list's path with dots as underscores ("labels_source"); <see cref="Entry(Match)"/> reads it back.
    /// </summary>
    internal static string Entry(string field, IEnumerable<string> words) => "(?<" + EntryPrefix + field.Replace('.', '_') + ">" + Alt(words) + ")";

    private const string EntryPrefix = "lexicon_";

    /// <summary>"labels.source: 来源": the lexicon list and word that matched, from a pattern built with <see cref="Entry(string, IEnumerable{string})"/>.</summary>
    internal static string Entry(Match match)
    {
        foreach (Group group in match.Groups)
        {
            if (group.Success && group.Name.StartsWith(EntryPrefix, StringComparison.Ordinal))
            {
                return group.Name[EntryPrefix.Length..].Replace('_', '.') + ": " + group.Value;
            }
        }

        return "";
    }

    /// <summary>The rule name with the lexicon entry that matched: "generic:source-line [labels.source: 来源]".</summary>
    internal static string Rule(string rule, Match match) => Entry(match) is { Length: > 0 } entry ? $"{rule} [{entry}]" : rule;

    /// <summary>The shipped seeds/extraction-lexicon.json, compiled: tests and tools that need the default words.</summary>
    public static ExtractionVocabulary LoadShipped(string? configuredPath = null) =>
        new(ExtractionLexiconLoader.Load(Seeds.SeedFiles.Locate(ExtractionLexiconLoader.FileName, configuredPath)
            ?? throw new FileNotFoundException($"seeds/{ExtractionLexiconLoader.FileName} not found above the working or app directory.")));

    public ExtractionLexicon Lexicon { get; }

    internal AuthorGrammar Authors { get; }

    internal BodyCleaner Cleaner { get; }

    internal string SimplifiedOnly { get; }

    internal string TraditionalOnly { get; }

    internal Regex SourceLine { get; }

    internal Regex SourceElementLabel { get; }

    internal Regex AuthorElementLabel { get; }

    /// <summary>Page furniture that sits beside the date: labels, share and font buttons, counters, weekdays.</summary>
    internal Regex NotAName { get; }

    /// <summary>Button and counter captions that contain these words anywhere ("字体放大", "我要分享").</summary>
    internal Regex FurnitureWord { get; }

    internal Regex NextLabel { get; }

    /// <summary>"本贴由 大卫 于2005年8月12日16:12:21在〖版块〗发表", "由海姑娘张贴 @ 2005-03-21 01:20:44".</summary>
    internal Regex PostedLine { get; }

    /// <summary>"发布时间 2005/03/15 22:36:13 by 某人", "Posted by 某人 at 2005-03-21 01:20".</summary>
    internal Regex DateByLine { get; }

    internal Regex OwnersBlog { get; }

    internal Regex BlogTitleOwner { get; }

    internal Regex BlogWord { get; }

    internal Regex DateLabel { get; }

    internal Regex ModifiedLabel { get; }

    internal Regex LabelledDate { get; }

    /// <summary>The labels of a publish line; a bare date is not enough, because list headings are followed by dated rows.</summary>
    internal Regex DatelineLabel { get; }

    /// <summary>Selectors often catch the label with the name ("来源：新华社").</summary>
    internal Regex DraftSourceLabel { get; }

    internal Regex CommentName { get; }

    /// <summary>A reply's time: a clock time or "3分钟前".</summary>
    internal Regex RecentTime { get; }

    internal Regex ContentClass { get; }

    internal Regex OriginalMark { get; }

    /// <summary>"版权归某某网所有": the owner named.</summary>
    internal Regex CopyrightTo { get; }
}
