using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Families;
using HealthItFunctions.Core.Extraction.Generic;
using HealthItFunctions.Core.Extraction.Sources;
using HtmlAgilityPack;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Layered extraction: the page's catalogued source rules (seeds/sources.json), then page families (WeChat, gov.cn,
/// government CMS metas), then the generic extractor for every field still missing.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    /// <summary>Below this much prose the "body" is a caption, a login box or a footer, not an article.</summary>
    private const int MinBodyLength = 40;

    private readonly SourceCatalog _catalog;
    private readonly TimeProvider _timeProvider;
    private readonly PublishTimeParser _parser;
    private readonly DatePicker _datePicker;
    private readonly IPageFamily[] _families;

    public ArticleExtractor(SourceCatalog catalog, TimeProvider timeProvider, PublishTimeParser? parser = null)
    {
        _catalog = catalog;
        _timeProvider = timeProvider;
        _parser = parser ?? new PublishTimeParser(clock: timeProvider);
        _datePicker = new DatePicker(_parser);
        _families = [new WeChatFamily(), new GovCnFamily(_parser), new GovCmsFamily(_parser)];
    }

    public ExtractionResult Extract(HtmlPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(page.Html))
        {
            return ExtractionResult.NotAnArticle(NotArticleReason.EmptyPage, "the page is empty");
        }

        var document = new HtmlDocument { OptionCheckSyntax = false };
        document.LoadHtml(page.Html);
        var source = _catalog.Match(page.Url);
        if (source?.Detail is { } detailRules)
        {
            SourceRules.RemoveNodes(document, detailRules);
        }

        var context = new PageContext(document, page.Url, page.FetchedAt, page.FetchedAt ?? _timeProvider.GetUtcNow(), DomIndex.Build(document.DocumentNode));
        if (PageGate.Check(context) is { } gate)
        {
            return ExtractionResult.NotAnArticle(gate.Reason, gate.Detail);
        }

        var draft = new ExtractionDraft();
        if (source is not null)
        {
            SourceRules.Contribute(context, source, _parser, draft);
        }

        foreach (var family in _families)
        {
            family.Contribute(context, draft);
        }

        var jsonLd = JsonLdArticle.Read(context.Index.JsonLd);
        FindTitle(context, draft, jsonLd);

        var (paragraphs, images, trusted) = FindBody(context, draft);
        var bodyLength = TextUtil.CountNonSpace(string.Concat(paragraphs));
        var accepted = trusted ? bodyLength > 0 : bodyLength >= MinBodyLength && ReadsLikeProse(draft.Body!);
        if (!accepted)
        {
            return ExtractionResult.NotAnArticle(NotArticleReason.NoMainContent, "no block of the page reads like article text (navigation, list or portal page)");
        }

        var bodyStart = draft.Body![0];
        if (_datePicker.Pick(context, draft.TitleNode, draft.Body!) is { } picked)
        {
            draft.OfferPublishTime(picked.Time, picked.Rule);
        }

        if (jsonLd?.DatePublished is { } ldDate)
        {
            draft.OfferPublishTime(_parser.Parse(ldDate, context.FetchedAt), "jsonld:datePublished");
        }

        if (BylineFinder.FindSource(context, draft.TitleNode, bodyStart) is { } line)
        {
            draft.OfferSource(line.Value, line.Rule);
        }

        draft.OfferSource(context.Meta("source", "og:site_name"), "meta:source");
        draft.OfferSource(jsonLd?.Publisher, "jsonld:publisher");
        // Page bylines before page metadata, which often names a CMS login or the vendor; metadata must look like a person.
        OfferPerson(draft, jsonLd?.Author, "jsonld:author");
        if (BylineFinder.FindAuthor(context, draft.TitleNode, bodyStart, paragraphs) is { } byline)
        {
            draft.OfferAuthor(byline.Value, byline.Rule);
        }

        OfferPerson(draft, context.Meta("article:author", "author"), "meta:author");
        if (BylineFinder.FindPoster(context, draft.Body!) is { } poster)
        {
            draft.OfferAuthor(poster.Value, poster.Rule);
        }

        var (language, languageRule) = LanguageDetector.Detect(context.Index.Language, paragraphs);
        var rules = new Dictionary<ArticleField, string>(draft.Rules)
        {
            [ArticleField.Media] = source is null ? "none" : "source:" + source.Id,
            [ArticleField.Language] = languageRule,
            [ArticleField.Images] = draft.Rules[ArticleField.Body],
        };
        return ExtractionResult.Success(new ExtractedArticle
        {
            Title = draft.Title ?? string.Empty,
            PublishTime = draft.PublishTime,
            Source = draft.Source,
            Media = source?.Media,
            Author = draft.Author,
            Paragraphs = paragraphs,
            LeadImages = images,
            Language = language,
            Rules = rules,
        });
    }

    private static void OfferPerson(ExtractionDraft draft, string? value, string rule)
    {
        if (value is not null && AuthorGrammar.IsPlausiblePerson(value))
        {
            draft.OfferAuthor(value, rule);
        }
    }

    /// <summary>Link lists and menus score too when a page has nothing else; prose has sentence punctuation outside links.</summary>
    private static bool ReadsLikeProse(IReadOnlyList<NodeInfo> body)
    {
        int text = 0, links = 0, punctuation = 0;
        foreach (var node in body)
        {
            text += node.TextLength;
            links += node.LinkTextLength;
            punctuation += node.Punctuation;
        }

        return punctuation > 0 && links * 2 <= text;
    }

    private static void FindTitle(PageContext context, ExtractionDraft draft, JsonLdArticle? jsonLd)
    {
        if (draft.Title is not null)
        {
            draft.TitleNode ??= TitleFinder.FindHeadingNear(context.Index, TextUtil.Squash(draft.Title));
            return;
        }

        string?[] references = [context.Meta("og:title"), context.Meta("twitter:title"), jsonLd?.Headline];
        if (TitleFinder.Find(context, references.OfType<string>()) is { } found)
        {
            draft.OfferTitle(found.Title, found.Rule, found.Node);
        }
    }

    /// <summary>
    /// The body a source rule or page family pointed at wins when it holds enough prose. A short one (an image post,
    /// a two-line notice) is kept aside and used only when the generic extractor finds no article text of its own;
    /// it is then <c>Trusted</c>: the container is the article by construction, so the prose gate does not apply.
    /// </summary>
    private static (List<string> Paragraphs, List<string> Images, bool Trusted) FindBody(PageContext context, ExtractionDraft draft)
    {
        (List<string> Paragraphs, List<string> Images, IReadOnlyList<NodeInfo> Nodes, string Rule)? shortOffered = null;
        if (draft.Body is { } offered)
        {
            var (paragraphs, images) = ParagraphCollector.Collect(context.Index, offered, context.Url);
            var cleaned = BodyCleaner.Clean(paragraphs, draft.Title);
            var length = TextUtil.CountNonSpace(string.Concat(cleaned));
            if (length >= MinBodyLength)
            {
                return (cleaned, images, false);
            }

            if (length > 0)
            {
                shortOffered = (cleaned, images, offered, draft.Rules[ArticleField.Body]);
            }

            draft.RejectBody();
        }

        if (ContentScorer.FindBest(context.Index, draft.TitleNode) is { } best)
        {
            var nodes = ContentScorer.WithSiblings(context.Index, best);
            var (generic, genericImages) = ParagraphCollector.Collect(context.Index, nodes, context.Url);
            var cleaned = BodyCleaner.Clean(generic, draft.Title);
            if (shortOffered is null || (TextUtil.CountNonSpace(string.Concat(cleaned)) >= MinBodyLength && ReadsLikeProse(nodes)))
            {
                draft.OfferBody(nodes, "generic:density");
                return (cleaned, genericImages, false);
            }
        }

        if (shortOffered is { } kept)
        {
            draft.OfferBody(kept.Nodes, kept.Rule + " (short)");
            return (kept.Paragraphs, kept.Images, true);
        }

        return ([], [], false);
    }
}
