using System.Diagnostics;
using HealthItFunctions.Core.Extraction.Layers;
using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Text;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Parse → gate → run the layers → assemble. The layers run in the order of <see cref="ExtractionChain"/> (site rules,
/// page families, then the generic title, body, publish time, source and author steps); each offers candidates to the draft, which
/// decides per field and keeps every candidate for <see cref="ExtractedArticle.Candidates"/>.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    private readonly SourceCatalog _catalog;
    private readonly ExtractionVocabulary _vocabulary;
    private readonly TimeProvider _clock;
    private readonly IExtractionLayer[] _layers;

    internal ArticleExtractor(SourceCatalog catalog, ExtractionVocabulary vocabulary, TimeProvider clock, IEnumerable<IExtractionLayer> layers)
    {
        _catalog = catalog;
        _vocabulary = vocabulary;
        _clock = clock;
        _layers = [.. layers];
    }

    public ExtractionResult Extract(HtmlPage page) => Extract(page, null);

    public ExtractionResult Extract(HtmlPage page, ExtractionProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(page);
        var lap = Stopwatch.GetTimestamp();
        if (string.IsNullOrWhiteSpace(page.Html))
        {
            return ExtractionResult.NotAnArticle(NotArticleReason.EmptyPage, "the page is empty");
        }

        var document = HtmlDom.Parse(page.Html);
        lap = profile?.Lap("parse (HtmlDom)", lap) ?? lap;
        // The parser stops at the first MarkupLimits breach, so hostile nesting or size cost bounded time.
        if (document.OverLimits is { } overLimits)
        {
            return ExtractionResult.NotAnArticle(NotArticleReason.OverLimits, overLimits);
        }

        var context = Index(page, document, profile, ref lap);
        var gated = PageGate.Check(context);
        lap = profile?.Lap("gate", lap) ?? lap;
        if (gated is { } gate)
        {
            return ExtractionResult.NotAnArticle(gate.Reason, gate.Detail);
        }

        var draft = new ExtractionDraft(_vocabulary);
        foreach (var layer in _layers)
        {
            layer.Contribute(context, draft);
            lap = profile?.Lap(layer.GetType().Name, lap) ?? lap;
            if (draft.NotArticle is { } notArticle)
            {
                return ExtractionResult.NotAnArticle(notArticle.Reason, notArticle.Detail);
            }
        }

        var article = Assemble(context, draft);
        profile?.Lap("assemble", lap);
        return ExtractionResult.Success(article);
    }

    /// <summary>The DOM, with the source's remove rules applied before indexing so removed chrome never scores.</summary>
    private PageContext Index(HtmlPage page, HtmlDom document, ExtractionProfile? profile, ref long lap)
    {
        var source = _catalog.Match(page.Url);
        if (source?.Detail is { } detailRules)
        {
            SourceRules.RemoveNodes(document, detailRules);
        }

        var index = DomIndex.Build(document.DocumentNode, _vocabulary);
        lap = profile?.Lap("index (DomIndex)", lap) ?? lap;
        return new PageContext(document, page.Url, page.FetchedAt, page.FetchedAt ?? _clock.GetUtcNow(), index)
        {
            Source = source,
        };
    }

    /// <summary>The fields as they leave extraction, through <see cref="TextSanitizer"/>: a page's entity can spell any code point.</summary>
    private static ExtractedArticle Assemble(PageContext context, ExtractionDraft draft)
    {
        var source = context.Source;
        var (language, languageRule) = LanguageDetector.Detect(context.Vocabulary, context.Index.Language, draft.Paragraphs);
        draft.Decide(ArticleField.Media, source?.Media ?? "", source is null ? "none" : "source:" + source.Id);
        draft.Decide(ArticleField.Language, language, languageRule);
        draft.Decide(ArticleField.Images, draft.BodyImages.Count + " images", draft.Rules[ArticleField.Body]);
        return new ExtractedArticle
        {
            Title = TextSanitizer.Clean(draft.Title ?? string.Empty),
            PublishTime = draft.PublishTime,
            Source = TextSanitizer.Clean(draft.Source),
            Media = TextSanitizer.Clean(source?.Media),
            Author = TextSanitizer.Clean(draft.Author),
            Paragraphs = TextSanitizer.Clean(draft.Paragraphs),
            LeadImages = draft.Images,
            Images = draft.BodyImages.Select(i => i with { Alt = TextSanitizer.Clean(i.Alt), Caption = TextSanitizer.Clean(i.Caption) }).ToList(),
            Language = language,
            Rules = new Dictionary<ArticleField, string>(draft.Rules),
            Candidates = draft.Candidates,
        };
    }
}
