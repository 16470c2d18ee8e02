namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Every threshold the extractor weighs a page with, named in one place with the reason for its value, grouped by
/// layer. Lengths count characters of visible text; windows are character spans of the page's text index. The values
/// were tuned on the development corpus and are held against the held-out scores: change one only with a benchmark
/// run. <see cref="Default"/> is shared by every page, so reading a threshold costs a field load, never an allocation.
/// </summary>
public sealed record ExtractionTuning
{
    /// <summary>The tuning every extraction runs with.</summary>
    public static ExtractionTuning Default { get; } = new();

    // ---- Gate: pages that are not articles ----

    /// <summary>Less visible text than this is an empty shell (a script-only page), not an article.</summary>
    public int GateMinVisibleText { get; init; } = 20;

    /// <summary>Walls and notices are short; a long page that merely mentions 验证码 is still an article.</summary>
    public int GateMaxNoticeText { get; init; } = 1500;

    /// <summary>The gate reads this much of the text for a notice's words: a notice with a long footer is still seen whole.</summary>
    public int GateProbeText { get; init; } = 3000;

    // ---- Title ----

    /// <summary>Shorter headings are labels ("正文", "新闻"), not headlines.</summary>
    public int TitleMinLength { get; init; } = 4;

    /// <summary>Longer "headings" are a lead paragraph styled as a heading.</summary>
    public int TitleMaxLength { get; init; } = 150;

    /// <summary>How far below a heading its publish line may start (a subtitle or an author line can come between).</summary>
    public int TitleDatelineWindow { get; init; } = 120;

    /// <summary>A heading equal to a reference title (og:title, JSON-LD) outranks any partial agreement with the &lt;title&gt;.</summary>
    public int TitleExactMatchScore { get; init; } = 100;

    /// <summary>A shared prefix with the &lt;title&gt; shorter than this is a site or channel name, not the headline.</summary>
    public int TitleMinTagPrefix { get; init; } = 10;

    /// <summary>A prefix agreement counts less than containment: the &lt;title&gt; may have cut the headline.</summary>
    public double TitleTagPrefixWeight { get; init; } = 0.8;

    /// <summary>A prefix agreement counts only when it covers this share of the heading.</summary>
    public double TitleMinPrefixShare { get; init; } = 0.5;

    /// <summary>A heading found inside the &lt;title&gt; must be this share of the headline; shorter ones are site or channel names.</summary>
    public double TitleMinContainedShare { get; init; } = 0.5;

    /// <summary>An h1 is the page's headline more often than anything else.</summary>
    public double TitleH1Bonus { get; init; } = 20;

    /// <summary>An h2 is the headline on sites that keep h1 for the logo.</summary>
    public double TitleH2Bonus { get; init; } = 10;

    /// <summary>An h3/h4 is a headline only on sites with deeper chrome headings.</summary>
    public double TitleH3Bonus { get; init; } = 5;

    /// <summary>A block named "title"/"headline" is a headline on sites without heading tags, below h2.</summary>
    public double TitleClassBonus { get; init; } = 8;

    /// <summary>A block holding more elements than this is a container of headings, not one.</summary>
    public int TitleMaxInlineTags { get; init; } = 4;

    /// <summary>Most of a heading's character pairs must occur in the reference for the two to be one title.</summary>
    public double TitleMinSharedPairs { get; init; } = 0.6;

    // ---- Dates ----

    /// <summary>Chinese health-IT news online starts in the 1990s; earlier years on a page are history, not its date.</summary>
    public int DateMinYear { get; init; } = 1990;

    /// <summary>No clock for URLs: a URL date is only evidence, so an upper bound of plausibility is enough.</summary>
    public int UrlDateMaxYear { get; init; } = 2099;

    /// <summary>The publish line sits within this many characters of the headline.</summary>
    public int DateHeaderWindow { get; init; } = 600;

    /// <summary>Some sites print the publish line just above the text, after other chrome: this far above the body.</summary>
    public int DateAboveBodyWindow { get; init; } = 300;

    /// <summary>A dateline opening the text ("本报北京3月5日电") sits in its first characters.</summary>
    public int DateBodyLeadWindow { get; init; } = 200;

    /// <summary>A date closing the text (a signature's date) sits in its last characters.</summary>
    public int DateBodyTailWindow { get; init; } = 150;

    /// <summary>Below the text only a labelled date counts, and only this close to its end.</summary>
    public int DateBelowBodyWindow { get; init; } = 300;

    /// <summary>A date label ("发布时间") governs a date at most this far after it.</summary>
    public int DateLabelWindow { get; init; } = 12;

    /// <summary>A periodical stamp under a text ("——《某刊》2019年6月号") is one short line.</summary>
    public int DateMaxStampLine { get; init; } = 60;

    /// <summary>A link whose text runs this much past a date is another article's headline: that date is the list's, not the page's.</summary>
    public int DateMinLinkedHeadline { get; init; } = 4;

    /// <summary>A labelled full date follows its label within this many characters ("发布时间：2024年3月5日 10:20:30").</summary>
    public int DateLabelledTail { get; init; } = 40;

    /// <summary>A labelled year or month follows its label directly; further on it is prose ("时间跨度从公元前2000年").</summary>
    public int DateLabelledPartialTail { get; init; } = 20;

    /// <summary>A script hands a date to a time-ish key or function within this many characters of its name.</summary>
    public int DateScriptKeyWindow { get; init; } = 50;

    // ---- Body: scoring blocks ----

    /// <summary>How much of a paragraph's score reaches the block itself, its parent, grandparent, ...</summary>
    public IReadOnlyList<double> BodyAncestorWeights { get; init; } = [1.0, 0.9, 0.5, 0.25, 0.15, 0.1];

    /// <summary>Shorter paragraphs are captions, buttons and labels; they add nothing to a block's score.</summary>
    public int BodyMinParagraphLength { get; init; } = 8;

    /// <summary>A paragraph earns one point per this many characters of its own text ...</summary>
    public double BodyCharsPerPoint { get; init; } = 100.0;

    /// <summary>... up to this many, so one long paragraph cannot outweigh a body of several.</summary>
    public double BodyMaxLengthPoints { get; init; } = 3;

    /// <summary>A block counts as one of several posts (or teasers) only with this much prose of its own ...</summary>
    public int BodyMinPostProse { get; init; } = 150;

    /// <summary>... and this many sentence marks.</summary>
    public int BodyMinPostPunctuation { get; init; } = 5;

    /// <summary>A post or an anchored text block is prose: more links than this share make it a link list.</summary>
    public double BodyMaxPostLinkDensity { get; init; } = 0.3;

    /// <summary>Inside a chosen post, a block holding at least this share of its text is the post's own body.</summary>
    public double BodyMinPostCoreShare { get; init; } = 0.5;

    /// <summary>Prose is at most this share link text; more is a list of links with captions.</summary>
    public double BodyMaxProseLinkShare { get; init; } = 0.5;

    /// <summary>Bylines, share bars and a lead image sit between a headline and its text; more than this is another block.</summary>
    public int BodyMaxHeadlineGap { get; init; } = 400;

    /// <summary>A block anchored under the headline must hold at least a sentence of prose ...</summary>
    public int BodyMinAnchoredProse { get; init; } = 30;

    /// <summary>... with this many sentence marks: one comma is a label or a caption.</summary>
    public int BodyMinAnchoredPunctuation { get; init; } = 2;

    /// <summary>A block named like related/recommend/comment keeps this share of its score: it is what the block is.</summary>
    public double BodyNegativeClassWeight { get; init; } = 0.4;

    /// <summary>A block named like article/content/text gains this much: the name says what it holds.</summary>
    public double BodyContentClassWeight { get; init; } = 1.3;

    // ---- Body: bounds of the chosen text ----

    /// <summary>Chrome outside the text may hold a label colon ("分享到：") but no sentences.</summary>
    public int BodyMaxChromePunctuation { get; init; } = 1;

    /// <summary>
    /// With no sentence outside it, a child holding this share of the prose is the text; the rest (a card, a player's
    /// times, a share bar) is chrome even on a short article, where it weighs more than on a long one.
    /// </summary>
    public double BodyMinTighterShare { get; init; } = 0.8;

    /// <summary>A lead is at least a sentence; shorter lines above a body are datelines and labels.</summary>
    public int BodyMinLeadLength { get; init; } = 30;

    /// <summary>A sibling block joins the body only with a score of at least this ...</summary>
    public double BodyMinSiblingScore { get; init; } = 10;

    /// <summary>... or this share of the best block's, whichever is higher: split bodies score alike.</summary>
    public double BodySiblingScoreShare { get; init; } = 0.2;

    /// <summary>A sibling with more links than this share is a link bar, not the text going on.</summary>
    public double BodyMaxSiblingLinkDensity { get; init; } = 0.25;

    /// <summary>A sibling paragraph this long joins the body even without a sentence mark.</summary>
    public int BodyMinSiblingParagraph { get; init; } = 60;

    /// <summary>Below this much prose the "body" is a caption, a login box or a footer, not an article.</summary>
    public int BodyMinLength { get; init; } = 40;

    // ---- Body: paragraphs, link lists and widgets ----

    /// <summary>The article's lead images are its first few pictures; later ones are a gallery the bulletin does not print.</summary>
    public int BodyMaxLeadImages { get; init; } = 3;

    /// <summary>A list with fewer links is part of the text (a few cited links), not a link list.</summary>
    public int BodyMinLinkListLinks { get; init; } = 3;

    /// <summary>A list's links must cover this share of its text to be a link list.</summary>
    public double BodyMinLinkListDensity { get; init; } = 0.25;

    /// <summary>A block with links covering more than this share, and little prose, is a link block.</summary>
    public double BodyMaxLinkBlockDensity { get; init; } = 0.5;

    /// <summary>A link block with this much prose or more is text with links in it.</summary>
    public int BodyMinLinkBlockProse { get; init; } = 60;

    /// <summary>A block named off the content with links covering more than this share ...</summary>
    public double BodyMaxOffClassLinkDensity { get; init; } = 0.3;

    /// <summary>... and less prose than this is a widget.</summary>
    public int BodyMinOffClassProse { get; init; } = 200;

    /// <summary>A box holding its marker and links is a few headlines ...</summary>
    public int BodyMaxBoxMarkerBlock { get; init; } = 300;

    /// <summary>... and its marker ("延伸阅读：") sits within this many characters of its start.</summary>
    public int BodyBoxMarkerReach { get; init; } = 24;

    /// <summary>A bare marker ("延伸阅读：") is a word or two.</summary>
    public int BodyMaxBareMarker { get; init; } = 20;

    /// <summary>A related box is links: with links covering this share it is dropped.</summary>
    public double BodyMinBoxLinkDensity { get; init; } = 0.5;

    /// <summary>A sibling after a bare marker is its list when links cover this share of it.</summary>
    public double BodyMinMarkedListDensity { get; init; } = 0.7;

    /// <summary>Player controls (play, 00:00 / 03:25, 倍速) are a few words; more prose is text beside a video.</summary>
    public int BodyMaxPlayerProse { get; init; } = 60;

    /// <summary>Images smaller than this (width or height) are icons and spacers, not pictures.</summary>
    public int BodyMinPictureSide { get; init; } = 60;

    // ---- Body: cleaning lines ----

    /// <summary>A picture or text credit ("图片来源：某某") is a short line.</summary>
    public int BodyMaxCreditLength { get; init; } = 40;

    /// <summary>Boilerplate lines (copyright, share prompts, metadata) are short; longer lines are text.</summary>
    public int BodyMaxBoilerplateLength { get; init; } = 80;

    /// <summary>End markers ("（完）", "相关阅读") are a word or two.</summary>
    public int BodyMaxMarkerLength { get; init; } = 20;

    /// <summary>An end marker this early is a heading inside the text, not its end.</summary>
    public int BodyMinTextBeforeEndMarker { get; init; } = 100;

    /// <summary>A related box's entries are headlines; a line longer than this is text.</summary>
    public int BodyMaxBoxLineLength { get; init; } = 50;

    /// <summary>Less text than this after a related box is a teaser or a footer note, not the article going on.</summary>
    public int BodyMinProseAfterBox { get; init; } = 80;

    /// <summary>"推荐阅读：&lt;one headline&gt;" is a single related link, not a sentence of the text.</summary>
    public int BodyMaxLabelledLinkLength { get; init; } = 80;

    /// <summary>Like, count and report buttons under a text render as a run of tiny lines ...</summary>
    public int BodyMaxToolbarLineLength { get; init; } = 12;

    /// <summary>... at least this many; one short line may be a signature.</summary>
    public int BodyMinToolbarRun { get; init; } = 3;

    /// <summary>Chrome labels ("关注", "听全文", "不感兴趣") are a word or two; a heading or an item of the text is longer ...</summary>
    public int BodyMaxChromeLineLength { get; init; } = 8;

    /// <summary>... and come in runs of at least this many.</summary>
    public int BodyMinChromeRun { get; init; } = 2;

    /// <summary>A byline ("本报记者 张三 发自北京") is a handful of names; longer lines are text that mentions a reporter.</summary>
    public int BodyMaxBylineLength { get; init; } = 30;

    /// <summary>Bylines sit in the first few lines of a body; further in, a reporter's name is part of the story.</summary>
    public int BodyBylineReach { get; init; } = 3;

    /// <summary>A counter line ("阅读 1234") has a few Han characters at most; more is a sentence with a number.</summary>
    public int BodyMaxCounterHan { get; init; } = 3;

    /// <summary>A date line may carry this many characters besides the date (a weekday, brackets) and still be metadata.</summary>
    public int BodyMaxDateLineExtra { get; init; } = 6;

    /// <summary>Captions name a person or a step; a longer line is a paragraph even when centred.</summary>
    public int BodyMaxCaptionLength { get; init; } = 80;

    /// <summary>How far up from the caption's text node its caption element or centred block may sit.</summary>
    public int BodyMaxCaptionAncestorSteps { get; init; } = 5;

    // ---- Body: comment threads ----

    /// <summary>Fewer alike siblings with a time each are a short dated list, not a thread.</summary>
    public int CommentMinThreadReplies { get; init; } = 4;

    /// <summary>A thread needs at least this many characters per reply before its children are examined.</summary>
    public int CommentMinCharsPerReply { get; init; } = 8;

    /// <summary>A reply is a few sentences; longer blocks with a time are posts or dated sections.</summary>
    public int CommentMaxReplyLength { get; init; } = 300;

    /// <summary>A reply is text: one whose links cover this share is a list of links with dates.</summary>
    public double CommentMaxReplyLinkDensity { get; init; } = 0.5;

    /// <summary>The time sits in the reply's header (its first characters), not somewhere in its text.</summary>
    public int CommentReplyHeader { get; init; } = 60;

    // ---- Bylines: 来源, author, editor ----

    /// <summary>A name (person, outlet) has at least two characters; one is an initial or a stray mark.</summary>
    public int MinNameLength { get; init; } = 2;

    /// <summary>Bylines sit within this many characters of the headline.</summary>
    public int BylineHeaderWindow { get; init; } = 600;

    /// <summary>Sites that print the byline just above or below the text: this far around the body.</summary>
    public int BylineNearBodyWindow { get; init; } = 1500;

    /// <summary>The source and editor credits after the text sit within this many characters of its end.</summary>
    public int BylineAfterBodyWindow { get; init; } = 300;

    /// <summary>A byline line is short; a longer line is a paragraph that mentions a reporter.</summary>
    public int BylineMaxLine { get; init; } = 60;

    /// <summary>An author element's value (or a labelled byline value) is a few names.</summary>
    public int BylineMaxAuthorElement { get; init; } = 30;

    /// <summary>The editor's credit (责任编辑) closes the page: it may sit this far after the text's end.</summary>
    public int BylineEditorAfterBody { get; init; } = 800;

    /// <summary>A bare name line is a byline only when the line after it is prose, at least this long.</summary>
    public int BylineMinProseLine { get; init; } = 40;

    /// <summary>A lead's dateline ("据新华社拉萨9月1日电") is short; a bracket further in is part of the text.</summary>
    public int BylineMaxLeadDateline { get; init; } = 24;

    /// <summary>A name run together with the text after it ("张三北京报道") is at most this long.</summary>
    public int BylineMaxRunTogetherName { get; init; } = 8;

    /// <summary>A signature closes the text: only the last this many paragraphs are read for one.</summary>
    public int BylineSignatureParagraphs { get; init; } = 2;

    /// <summary>A site's name is a few words; a longer og:site_name is a slogan.</summary>
    public int SourceMaxSiteName { get; init; } = 30;

    /// <summary>An outlet written beside the date without a label ("新华网 2024-03-05") is at most this long.</summary>
    public int SourceMaxDatelineMedia { get; init; } = 16;

    /// <summary>A blog owner's name is a handle or a name, not a phrase.</summary>
    public int CreditMaxBlogOwner { get; init; } = 20;

    /// <summary>A Chinese personal name with no label is two to four Han characters ...</summary>
    public int BareNameMaxLength { get; init; } = 4;

    /// <summary>... where a compound surname (欧阳) needs three or more, and a one-character surname three at most.</summary>
    public int BareNameSurnameSplit { get; init; } = 3;

    /// <summary>A metadata author longer than this is a site description, not a person.</summary>
    public int AuthorMaxMetaLength { get; init; } = 40;

    /// <summary>An author this long found inside the 来源 is the outlet's name; shorter ones may be a coincidence.</summary>
    public int AuthorMinOutletOverlap { get; init; } = 3;

    // ---- Language ----

    /// <summary>Latin letters count per character while Chinese carries a word in one or two: one Han weighs this many letters.</summary>
    public int LanguageHanPerLatin { get; init; } = 4;
}
