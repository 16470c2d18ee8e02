using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Lexicon;
using static HealthItFunctions.Core.Extraction.Lexicon.Words;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>Removes the lines that ride along with a body: bylines, editor credits, share bars, copyright, related lists.</summary>
internal sealed partial class BodyCleaner
{
    private readonly Regex _creditLine;
    private readonly Regex _boilerplateLine;
    private readonly Regex _placeLine;
    private readonly Regex _bylineWord;
    private readonly Regex _metaLabel;

    public BodyCleaner(ExtractionLexicon lexicon)
    {
        var boilerplate = lexicon.Boilerplate;
        var labels = lexicon.Labels;
        _creditLine = Compile(@"^[\[【(（]?\s*" + Alt(lexicon.Roles.CreditLines) + @"\s*[:：]");
        _boilerplateLine = Compile(Alt(boilerplate.Phrases) + @"|第\s*\d+\s*页\s*/\s*共|" + Alt(boilerplate.ReprintNotice) + ".{0,8}" + Alt(boilerplate.ReprintCondition) + "|" + Alt(boilerplate.Unauthorised)
            + ".{0,8}" + Alt(boilerplate.Permission) + ".{0,4}" + Alt(boilerplate.Forbidding) + @"|^\s*" + Alt(boilerplate.WholeLine) + @"\s*$|^\s*" + Alt(boilerplate.LineStarts), RegexOptions.IgnoreCase);
        EndMarker = Compile(@"^\W{0,2}" + Alt(boilerplate.SectionEnds));
        _placeLine = Compile(@"^\W{0,2}" + Alt(labels.Place) + @"\s*[:：]?\s*\S{0,12}$");
        _bylineWord = Compile(Alt(lexicon.Roles.Reporter, lexicon.Roles.Contributors));
        _metaLabel = Compile(Alt(labels.MetaLine));
    }

    /// <summary>Headings after which the page lists other pages ("相关阅读").</summary>
    internal Regex EndMarker { get; }

    public List<string> Clean(IReadOnlyList<string> paragraphs, string? title)
    {
        var normalizedTitle = title is null ? null : TextUtil.Squash(title);
        var result = new List<string>(paragraphs.Count);
        var kept = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var line = paragraphs[i];

            // A "related articles" heading: a box set into the text (the marker, its headline lines, then the text
            // goes on) is dropped and the text carried on; one with no text after it ends the article, since
            // everything below lists other pages. Before the text begins it is a header widget ("发表评论" beside the
            // date line) and only that line goes.
            if (IsEndMarker(line))
            {
                var resume = SkipBoxLines(paragraphs, i + 1);
                if (ProseFollows(paragraphs, resume))
                {
                    i = resume - 1;
                    continue;
                }

                if (kept >= ExtractionTuning.Default.BodyMinTextBeforeEndMarker)
                {
                    break;
                }

                continue;
            }

            if (IsBoilerplate(line) || (result.Count == 0 && normalizedTitle is not null && TextUtil.Squash(line) == normalizedTitle))
            {
                continue;
            }

            result.Add(line);
            kept += line.Length;
        }

        TrimMetaLines(result);
        TrimToolbar(result);
        TrimChromeRuns(result);
        return result;
    }

    private bool IsEndMarker(string line) =>
        (line.Length <= ExtractionTuning.Default.BodyMaxMarkerLength || (line.Length <= ExtractionTuning.Default.BodyMaxLabelledLinkLength && LabelledLink().IsMatch(line))) && EndMarker.IsMatch(line);

    /// <summary>The headline lines of a related box: short, and never a sentence ending in a full stop.</summary>
    private int SkipBoxLines(IReadOnlyList<string> lines, int from)
    {
        while (from < lines.Count && lines[from].Length <= ExtractionTuning.Default.BodyMaxBoxLineLength && lines[from].AsSpan().IndexOfAny("。；;") < 0 && !IsEndMarker(lines[from]))
        {
            from++;
        }

        return from;
    }

    /// <summary>Whether the article's own text resumes: sentences, up to the next marker, worth a paragraph or two.</summary>
    private bool ProseFollows(IReadOnlyList<string> lines, int from)
    {
        var prose = 0;
        for (var i = from; i < lines.Count && !IsEndMarker(lines[i]); i++)
        {
            // Headlines end with ？ or ！ too; a full stop, or a long line with commas, is text.
            if ((lines[i].Contains('。') || (lines[i].Length > ExtractionTuning.Default.BodyMaxBoxLineLength && lines[i].Contains('，'))) && !IsBoilerplate(lines[i]))
            {
                prose += lines[i].Length;
            }
        }

        return prose >= ExtractionTuning.Default.BodyMinProseAfterBox;
    }

    private bool IsBoilerplate(string line)
    {
        if (!HasWordCharacter(line))
        {
            return true;
        }

        return (line.Length <= ExtractionTuning.Default.BodyMaxCreditLength && _creditLine.Match(line) is { Success: true } credit && !EndsSentence(line.AsSpan(credit.Length)))
            || (line.Length <= ExtractionTuning.Default.BodyMaxBoilerplateLength && _boilerplateLine.IsMatch(line));
    }

    /// <summary>
    /// A credit names people or outlets; "记者：……？" with a question or a full stop is an interview line and stays.
    /// </summary>
    private bool EndsSentence(ReadOnlySpan<char> value) => value.IndexOfAny("？?！!。") >= 0;

    /// <summary>
    /// Drops a trailing run of tiny unpunctuated lines with a counter among them: the like / read-count / report bar
    /// under the text. Without a counter the run may be the text's own closing list of short items.
    /// </summary>
    private void TrimToolbar(List<string> lines)
    {
        var start = lines.Count;
        while (start > 0 && IsToolbarLine(lines[start - 1]))
        {
            start--;
        }

        if (lines.Count - start >= ExtractionTuning.Default.BodyMinToolbarRun && start > 0 && lines.Skip(start).Any(IsCounter))
        {
            lines.RemoveRange(start, lines.Count - start);
        }
    }

    /// <summary>
    /// Chrome left inside the body's wrapper reads as a run of tiny unpunctuated lines at either end ("健康日报" "关注",
    /// "分享" "不喜欢"): two or more such lines together are dropped. One alone may be a heading or a signature, and a
    /// numbered item or a bracketed signature ("（刘洋）") is the text's own.
    /// </summary>
    private void TrimChromeRuns(List<string> lines)
    {
        var start = 0;
        while (start < lines.Count && IsChromeLine(lines[start]))
        {
            start++;
        }

        if (start >= ExtractionTuning.Default.BodyMinChromeRun && start < lines.Count)
        {
            lines.RemoveRange(0, start);
        }

        var end = lines.Count;
        while (end > 0 && IsChromeLine(lines[end - 1]))
        {
            end--;
        }

        if (lines.Count - end >= ExtractionTuning.Default.BodyMinChromeRun && end > 0)
        {
            lines.RemoveRange(end, lines.Count - end);
        }
    }

    private bool IsChromeLine(string line) =>
        line.Length <= ExtractionTuning.Default.BodyMaxChromeLineLength && !HasSentencePunctuation(line) && !ListNumber().IsMatch(line)
        && line.AsSpan().IndexOfAny("（(【[") < 0;

    private bool IsToolbarLine(string line) => line.Length <= ExtractionTuning.Default.BodyMaxToolbarLineLength && !HasSentencePunctuation(line);

    /// <summary>"+1", "阅读 (177万)", "12": a number with at most a word beside it; a list item of short phrases has none.</summary>
    private bool IsCounter(string line)
    {
        int digits = 0, cjk = 0;
        foreach (var c in line)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (TextUtil.IsCjk(c) && c is not ('万' or '亿' or '千'))
            {
                cjk++;
            }
        }

        return digits > 0 && cjk <= ExtractionTuning.Default.BodyMaxCounterHan && !ListNumber().IsMatch(line);
    }

    /// <summary>Date/source/view-count lines belong to the header or footer, not the text; only the edges are trimmed.</summary>
    private void TrimMetaLines(List<string> lines)
    {
        while (lines.Count > 0 && IsMetaLine(lines[0]))
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && IsMetaLine(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        // A byline sits among the first or last lines, possibly under a subtitle or above an editor's note.
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if ((i < ExtractionTuning.Default.BodyBylineReach || i >= lines.Count - ExtractionTuning.Default.BodyBylineReach) && IsByline(lines[i]))
            {
                lines.RemoveAt(i);
            }
        }
    }

    private bool IsByline(string line) => line.Length <= ExtractionTuning.Default.BodyMaxBylineLength && _bylineWord.IsMatch(line) && !HasSentencePunctuation(line);

    private bool IsMetaLine(string line) =>
        (line.Length <= ExtractionTuning.Default.BodyMaxBoilerplateLength && DateLike().IsMatch(line) && (_metaLabel.IsMatch(line) || DateLike().Match(line).Length >= line.Length - ExtractionTuning.Default.BodyMaxDateLineExtra))
        || (line.Length <= ExtractionTuning.Default.BodyMaxBoilerplateLength && _placeLine.IsMatch(line))
        || IsByline(line);

    private bool HasSentencePunctuation(string line) => line.AsSpan().IndexOfAny("，。！？；,!?;") >= 0;

    private bool HasWordCharacter(string line)
    {
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }




    /// <summary>"推荐阅读：" and the like, followed by the linked headline.</summary>
    [GeneratedRegex(@"^\W{0,2}\w{2,6}\s*[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledLink();


    /// <summary>"1." or "2、" opening an item of the text's own numbered list, not a count.</summary>
    [GeneratedRegex(@"^\s*\d{1,2}\s*[.、．)）]", RegexOptions.CultureInvariant)]
    private static partial Regex ListNumber();


    [GeneratedRegex(@"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

}
