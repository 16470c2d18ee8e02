using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Lexicon;
using static HealthItFunctions.Core.Extraction.Lexicon.Words;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// The shapes a Chinese reporter byline takes, read as a grammar rather than looked up by label: a credit starts a
/// line, an element or a bracket (never inside a quotation: "……告诉记者：“…" is not a byline), names are short runs
/// of Han characters, and something ends them (a bracket, a slash, 发自, 报道, the line's end). Editors are credits
/// too, but not authors.
/// </summary>
internal sealed partial class AuthorGrammar
{
    private readonly IReadOnlyList<string> _notNameStarts;
    private readonly HashSet<string> _roleWords;
    private readonly IReadOnlyList<string> _stopWords;
    private readonly IReadOnlyList<string> _reported;
    private readonly IReadOnlyList<string> _outletEndings;
    private readonly IReadOnlyList<string> _institutionEndings;
    private readonly HashSet<char> _commonSurnames;
    private readonly IReadOnlyList<string> _compoundSurnames;
    private readonly Regex _labelLine;
    private readonly Regex _reporterLine;
    private readonly Regex _trailingSignature;
    private readonly Regex _slashSignature;
    private readonly Regex _editorLine;
    private readonly Regex _notPerson;
    private readonly Regex _institutionLine;
    private readonly IReadOnlyList<string> _reporterWords;

    public AuthorGrammar(ExtractionLexicon lexicon)
    {
        var names = lexicon.Names;
        var roles = lexicon.Roles;
        var labels = lexicon.Labels;
        _notNameStarts = names.NotNameStarts;
        _reporterWords = roles.Reporter;
        _roleWords = new HashSet<string>(roles.Words, StringComparer.Ordinal);
        _stopWords = names.StopWords;
        _reported = roles.Reported;
        _outletEndings = names.OutletEndings;
        _institutionEndings = names.InstitutionEndings;
        _commonSurnames = [.. names.CommonSurnames];
        _compoundSurnames = names.CompoundSurnames;

        var yearStart = @"(?:19|20)[0-9]{2}[-/.年]";
        _labelLine = Compile(LineStart + @"(?:" + ExtractionVocabulary.Entry("labels.author", labels.Author) + @"\s*[:：|｜/／]\s*|(?:By|by)\s+)(?:" + NamesPattern + LatinGloss + "|" + LatinNames
            + @")(?=\s*(?:$|" + yearStart + @"|[\n）)】\]/／|｜]|\s*" + Alt(labels.AfterCredit, labels.Editor) + "|" + Alt(roles.SentFrom, roles.Reported) + "))");
        var outlet = @"[\p{IsCJKUnifiedIdeographs}]{1,10}?" + Alt(roles.OutletSuffixes);
        _reporterLine = Compile(LineStart + "(?:" + Alt(roles.OwnOutlet) + "|" + outlet + ")?(?:" + Alt(roles.ReporterQualifiers) + @"|" + Alt(roles.Stationed) + @"[\p{IsCJKUnifiedIdeographs}]{1,4})?"
            + ExtractionVocabulary.Entry("roles.reporter", roles.Reporter) + @"\s*" + NamesPattern + @"(?=\s*(?:$|[\n）)】\]/／|｜]|" + Alt(roles.SentFrom, roles.Reported) + "|" + Alt(roles.Photo) + @"(?:$|[\s）)])|"
            + Alt(roles.Wire) + @"(?:$|[\s（(])|" + Alt(roles.Contributors) + @"|\s" + Alt(labels.Editor, labels.Source) + "))");
        _trailingSignature = Compile(@"[（(]\s*" + NamesPattern + @"(?:\s+[\p{IsCJKUnifiedIdeographs}]{2,4}" + Alt(roles.Reported) + @")?\s*[）)]$");
        _slashSignature = Compile("^" + NamesPattern + @"\s*[/／]\s*[\p{IsCJKUnifiedIdeographs}]{2,10}" + Alt(names.SignatureOutlets) + "$");
        _editorLine = Compile(@"(?<![\p{IsCJKUnifiedIdeographs}])" + Alt(labels.Editor) + @"\s*[:：]\s*" + NamesPattern + @"(?=\s*(?:$|[\n）)】\]/／|｜]|" + Alt(labels.AfterCredit) + "))");
        // A labelled credit may name an institution or a team ("作者：某某医院党支部"): longer than a name, and it ends in a unit word.
        _institutionLine = Compile(LineStart + ExtractionVocabulary.Entry("labels.author", labels.Author) + @"\s*[:：|｜/／]\s*(?<names>[\p{IsCJKUnifiedIdeographs}]{2,24}?"
            + Alt(names.InstitutionEndings) + @")(?=\s*(?:$|[\n）)】\]/／|｜]|\s|" + Alt(labels.AfterCredit) + "))");
        _notPerson = Compile(Alt(names.NotPersons) + "|^" + Alt(names.NotPersonsExact) + "$", RegexOptions.IgnoreCase);
    }

    /// <summary>A labelled credit at a line start: "作者：张明", "文：王丽", "记者：李强 赵磊".</summary>
    public string? Labelled(string line) => Names(_labelLine.Match(line));

    /// <summary>An unlabelled reporter credit: "本报记者 李强", "（记者 王丽）", "记者赵磊/文", "本报记者罗科苏盈发自北京".</summary>
    public string? Reporter(string line) => Names(_reporterLine.Match(line));

    /// <summary>A signature closing the text: "（刘洋）", "（陈静 周涛）", "（孙伟 上海报道）", "吴敏/某某日报".</summary>
    public string? Signature(string line)
    {
        var trimmed = line.TrimEnd();
        return Names(_trailingSignature.Match(trimmed)) ?? Names(_slashSignature.Match(trimmed));
    }

    /// <summary>
    /// The editor credited in a line ("编辑：山石", "（ 责任编辑：魏一 ）"). Not an author: it is offered only when the page
    /// credits no writer at all, since the editor is then the only person the page names for the text.
    /// </summary>
    public string? Editor(string text, int start, int length) => Names(_editorLine.Match(text, start, length));

    /// <summary>
    /// A bare personal name with no label ("胡平" alone under the headline, "[ 黄宇 ]" beside the date): without a label
    /// the only evidence is the shape, so it must be two to four Han characters starting with a common surname.
    /// </summary>
    public bool IsBareName(string value)
    {
        var name = value.Trim();
        if (name.Length < ExtractionTuning.Default.MinNameLength || name.Length > ExtractionTuning.Default.BareNameMaxLength || !name.All(TextUtil.IsCjk) || _roleWords.Contains(name) || IsOutlet(name))
        {
            return false;
        }

        return name.Length >= ExtractionTuning.Default.BareNameSurnameSplit && _compoundSurnames.Any(c => name.StartsWith(c, StringComparison.Ordinal))
            || (name.Length <= ExtractionTuning.Default.BareNameSurnameSplit && _commonSurnames.Contains(name[0]));
    }

    /// <summary>Any byline shape in one line, most explicit first.</summary>
    public (string Name, string Rule)? Read(string line)
    {
        var label = _labelLine.Match(line);
        if (Names(label) is { } labelled)
        {
            return (labelled, ExtractionVocabulary.Rule("generic:author-line", label));
        }

        var reporter = _reporterLine.Match(line);
        if (Names(reporter) is { } name)
        {
            return (name, ExtractionVocabulary.Rule("generic:reporter-byline", reporter));
        }

        var institution = _institutionLine.Match(line);
        return institution.Success ? (institution.Groups["names"].Value, ExtractionVocabulary.Rule("generic:institution-credit", institution)) : null;
    }

    /// <summary>
    /// Page metadata authors are often not people: CMS user ids ("105092", "alonliu"), the CMS vendor, an e-mail, a
    /// site name. A value must look like a person's name before it can win.
    /// </summary>
    public bool IsPlausiblePerson(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < ExtractionTuning.Default.MinNameLength || trimmed.Length > ExtractionTuning.Default.AuthorMaxMetaLength || trimmed.Any(char.IsDigit) || trimmed.IndexOfAny(['@', '!', '.', '/', ':', '_']) >= 0)
        {
            return false;
        }

        // A lone Latin token is a login ("admin", "alonliu"); Latin names of people have a first and a last name.
        if (!trimmed.Any(TextUtil.IsCjk) && !trimmed.Contains(' '))
        {
            return false;
        }

        return !_notPerson.IsMatch(trimmed) && !IsOutlet(trimmed);
    }

    private bool IsOutlet(string name) => _outletEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal) && name.Length > e.Length + 1);

    private string? Names(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        // Greedy name runs can swallow what follows them: a role word ("张明 报道") or the next label ("赵婕 出自…").
        var names = new List<string>();
        foreach (var raw in NameSplit().Split(match.Groups["names"].Value.Trim()))
        {
            // "记者樊亮 记者惠禾": each name may repeat the role word before it.
            var token = _reporterWords.FirstOrDefault(w => raw.Length > w.Length + 1 && raw.StartsWith(w, StringComparison.Ordinal)) is { } role ? raw[role.Length..] : raw;
            if (_stopWords.Any(w => token.StartsWith(w, StringComparison.Ordinal)))
            {
                break;
            }

            if (token.Length > 0 && !_roleWords.Contains(token) && !_reported.Any(r => token.EndsWith(r, StringComparison.Ordinal)))
            {
                names.Add(token);
            }
        }

        if (names.Count == 0 || names.Any(n => _notNameStarts.Any(s => n.StartsWith(s, StringComparison.Ordinal)) || IsOutlet(n)))
        {
            return null;
        }

        var gloss = match.Groups["gloss"];
        return gloss.Success && names.Count == 1 ? names[0] + " (" + gloss.Value.Trim().Trim('(', ')', '（', '）') + ")" : string.Join(" ", names);
    }

    /// <summary>Two to four Han characters (with · for transliterated names), up to four of them.</summary>
    private const string NamesPattern = @"(?<names>[\p{IsCJKUnifiedIdeographs}·]{2,5}(?:[ 　、，,]{1,3}[\p{IsCJKUnifiedIdeographs}·]{2,5}){0,3})";

    /// <summary>A Latin personal name of two or three capitalised words: "John Smith".</summary>
    private const string LatinNames = @"(?<names>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})";

    /// <summary>A name's Latin original in brackets after it: "周思博 (Joel Spolsky)".</summary>
    private const string LatinGloss = @"(?<gloss>\s?[（(][A-Za-z][A-Za-z .'-]{1,40}[）)])?";

    private const string LineStart = @"(?:^|(?<=[\n（(【\[　 ]))";


    [GeneratedRegex(@"[ 　、，,]+", RegexOptions.CultureInvariant)]
    private static partial Regex NameSplit();
}
