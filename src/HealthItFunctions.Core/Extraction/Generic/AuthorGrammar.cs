using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// The shapes a Chinese reporter byline takes, read as a grammar rather than looked up by label: a credit starts a
/// line, an element or a bracket (never inside a quotation: "……告诉记者：“…" is not a byline), names are short runs
/// of Han characters, and something ends them (a bracket, a slash, 发自, 报道, the line's end). Editors are credits
/// too, but not authors.
/// </summary>
internal static partial class AuthorGrammar
{
    /// <summary>Words that follow 记者 in a sentence ("记者从…获悉", "记者近日走访"), never names.</summary>
    private static readonly string[] NotNameStarts = ["从", "在", "获", "了解", "近日", "日前", "昨日", "今日", "来到", "走访", "采访", "注意", "看到", "发现", "对", "向", "跟", "随", "也", "还", "又", "等", "们"];

    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal) { "报道", "報導", "报导", "摄影", "攝影", "摄", "攝", "文", "图", "圖", "编辑", "編輯", "责编", "通讯员", "实习生", "整理", "综合", "整合", "编译", "图片", "视频", "评论员", "特约评论员", "本报评论员", "记者", "特约记者", "译", "翻译" };

    private static readonly string[] StopWords = ["出自", "出处", "出處", "来源", "來源", "发自", "發自", "编辑", "編輯", "责编", "責編", "责任", "責任", "通讯员", "实习生", "发布", "时间", "日期", "摄影"];

    /// <summary>Outlet and unit endings: "（新华社）" at the end of a text credits an outlet, not a person.</summary>
    private static readonly string[] OutletEndings = ["社", "报", "報", "网", "網", "台", "臺", "部", "委", "局", "院", "厅", "办", "中心", "公司", "集团", "协会", "频道", "编辑部", "供图", "摄", "图", "完"];

    /// <summary>A labelled credit at a line start: "作者：张明", "文：王丽", "记者：李强 赵磊".</summary>
    public static string? Labelled(string line) => Names(LabelLine().Match(line));

    /// <summary>An unlabelled reporter credit: "本报记者 李强", "（记者 王丽）", "记者赵磊/文", "本报记者罗科苏盈发自北京".</summary>
    public static string? Reporter(string line) => Names(ReporterLine().Match(line));

    /// <summary>A signature closing the text: "（刘洋）", "（陈静 周涛）", "（孙伟 上海报道）", "吴敏/某某日报".</summary>
    public static string? Signature(string line)
    {
        var trimmed = line.TrimEnd();
        return Names(TrailingSignature().Match(trimmed)) ?? Names(SlashSignature().Match(trimmed));
    }

    /// <summary>
    /// The editor credited in a line ("编辑：山石", "（ 责任编辑：魏一 ）"). Not an author: it is offered only when the page
    /// credits no writer at all, since the editor is then the only person the page names for the text.
    /// </summary>
    public static string? Editor(string text, int start, int length) => Names(EditorLine().Match(text, start, length));

    /// <summary>
    /// A bare personal name with no label ("胡平" alone under the headline, "[ 黄宇 ]" beside the date): without a label
    /// the only evidence is the shape, so it must be two to four Han characters starting with a common surname.
    /// </summary>
    public static bool IsBareName(string value)
    {
        var name = value.Trim();
        if (name.Length is < 2 or > 4 || !name.All(TextUtil.IsCjk) || RoleWords.Contains(name) || IsOutlet(name))
        {
            return false;
        }

        return name.Length >= 3 && CompoundSurnames.Any(c => name.StartsWith(c, StringComparison.Ordinal))
            || (name.Length <= 3 && CommonSurnames.Contains(name[0]));
    }

    /// <summary>About the hundred most common single-character surnames (over 85% of people), and compound ones.</summary>
    private static readonly HashSet<char> CommonSurnames = [.. "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤向常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"];

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯", "宇文", "司徒", "端木"];

    /// <summary>Any byline shape in one line, most explicit first.</summary>
    public static (string Name, string Rule)? Read(string line)
    {
        if (Labelled(line) is { } labelled)
        {
            return (labelled, "generic:author-line");
        }

        return Reporter(line) is { } reporter ? (reporter, "generic:reporter-byline") : null;
    }

    /// <summary>
    /// Page metadata authors are often not people: CMS user ids ("105092", "alonliu"), the CMS vendor, an e-mail, a
    /// site name. A value must look like a person's name before it can win.
    /// </summary>
    public static bool IsPlausiblePerson(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length is < 2 or > 40 || trimmed.Any(char.IsDigit) || trimmed.IndexOfAny(['@', '!', '.', '/', ':', '_']) >= 0)
        {
            return false;
        }

        // A lone Latin token is a login ("admin", "alonliu"); Latin names of people have a first and a last name.
        if (!trimmed.Any(TextUtil.IsCjk) && !trimmed.Contains(' '))
        {
            return false;
        }

        return !Vendor().IsMatch(trimmed) && !IsOutlet(trimmed);
    }

    private static bool IsOutlet(string name) => OutletEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal) && name.Length > e.Length + 1);

    private static string? Names(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        // Greedy name runs can swallow what follows them: a role word ("张明 报道") or the next label ("赵婕 出自…").
        var names = new List<string>();
        foreach (var token in NameSplit().Split(match.Groups["names"].Value.Trim()))
        {
            if (StopWords.Any(w => token.StartsWith(w, StringComparison.Ordinal)))
            {
                break;
            }

            if (token.Length > 0 && !RoleWords.Contains(token) && !token.EndsWith("报道", StringComparison.Ordinal))
            {
                names.Add(token);
            }
        }

        if (names.Count == 0 || names.Any(n => NotNameStarts.Any(s => n.StartsWith(s, StringComparison.Ordinal)) || IsOutlet(n)))
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

    [GeneratedRegex(LineStart + @"(?:(?:作者|撰文|文|记者|采写|文字|撰稿人?|发布者|发布人)\s*[:：|｜/／]\s*|(?:By|by)\s+)(?:" + NamesPattern + LatinGloss + "|" + LatinNames + @")(?=\s*(?:$|(?:19|20)[0-9]{2}[-/.年]|[\n）)】\]/／|｜]|\s*(?:编辑|责编|责任编辑|摄影?|来源|出自|出处|通讯员|发布|时间|日期)|发自|报道))", RegexOptions.CultureInvariant)]
    private static partial Regex LabelLine();

    [GeneratedRegex(LineStart + @"(?:本报|本刊|本台|本网|[\p{IsCJKUnifiedIdeographs}]{1,10}?(?:报|网|社|台|新闻|电视台|频道|总台))?(?:特约|实习|首席|驻[\p{IsCJKUnifiedIdeographs}]{1,4})?(?:记者|記者)\s*" + NamesPattern + @"(?=\s*(?:$|[\n）)】\]/／|｜]|发自|報導|报道|摄影?(?:$|[\s）)])|电(?:$|[\s（(])|通讯员|实习生|\s(?:编辑|责编|责任编辑|来源)))", RegexOptions.CultureInvariant)]
    private static partial Regex ReporterLine();

    [GeneratedRegex(@"[（(]\s*" + NamesPattern + @"(?:\s+[\p{IsCJKUnifiedIdeographs}]{2,4}报道)?\s*[）)]$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSignature();

    [GeneratedRegex(@"^" + NamesPattern + @"\s*[/／]\s*[\p{IsCJKUnifiedIdeographs}]{2,10}(?:报|网|社|台|杂志|周刊)$", RegexOptions.CultureInvariant)]
    private static partial Regex SlashSignature();

    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}])(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*" + NamesPattern + @"(?=\s*(?:$|[\n）)】\]/／|｜]|来源|作者|审核|校对|监制))", RegexOptions.CultureInvariant)]
    private static partial Regex EditorLine();

    [GeneratedRegex(@"[ 　、，,]+", RegexOptions.CultureInvariant)]
    private static partial Regex NameSplit();

    [GeneratedRegex(@"discuz|phpcms|dedecms|empire|wordpress|drupal|joomla|powereasy|动易|帝国|织梦|admin|webmaster|microsoft|adobe|网站|管理员|小编|佚名|未知|匿名|^本报$|^本网$|^本站$|^本刊$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Vendor();
}
