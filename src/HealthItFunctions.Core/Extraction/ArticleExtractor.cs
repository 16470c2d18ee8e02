using HealthItFunctions.Core.Extraction.Layers;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Text;
using HtmlAgilityPack;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Parse → gate → run the layers → assemble. The layers are registered in DI in the order they run (site rules,
/// page families, then the generic title, body, publish time, source and author steps; see
/// <see cref="ExtractionServiceCollectionExtensions.AddArticleExtraction"/>); each offers candidates to the draft, which
/// decides per field and keeps every candidate for <see cref="ExtractedArticle.Candidates"/>.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    private readonly SourceCatalog _catalog;
    private readonly TimeProvider _clock;
    private readonly IExtractionLayer[] _layers;

    internal ArticleExtractor(SourceCatalog catalog, TimeProvider clock, IEnumerable<IExtractionLayer> layers)
    {
        _catalog = catalog;
        _clock = clock;
        _layers = [.. layers];
    }

    public ExtractionResult Extract(HtmlPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(page.Html))
        {
            return ExtractionResult.NotAnArticle(NotArticleReason.EmptyPage, "the page is empty");
        }

        // Before the parser: its time grows with the square of the nesting, and its tree walks recurse per level.
        if (MarkupScanner.Exceeds(page.Html, MarkupLimits.Default) is { } overLimits)
        {
            return ExtractionResult.NotAnArticle(NotArticleReason.OverLimits, overLimits);
        }

        var context = Parse(page);
        if (PageGate.Check(context) is { } gate)
        {
            return ExtractionResult.NotAnArticle(gate.Reason, gate.Detail);
        }

        var draft = new ExtractionDraft();
        foreach (var layer in _layers)
        {
            layer.Contribute(context, draft);
            if (draft.NotArticle is { } notArticle)
            {
                return ExtractionResult.NotAnArticle(notArticle.Reason, notArticle.Detail);
            }
        }

        return ExtractionResult.Success(Assemble(context, draft));
    }

    /// <summary>The DOM, with the source's remove rules applied before indexing so removed chrome never scores.</summary>
    private PageContext Parse(HtmlPage page)
    {
        var document = new HtmlDocument { OptionCheckSyntax = false };
        document.LoadHtml(page.Html);
        var source = _catalog.Match(page.Url);
        if (source?.Detail is { } detailRules)
        {
            SourceRules.RemoveNodes(document, detailRules);
        }

        return new PageContext(document, page.Url, page.FetchedAt, page.FetchedAt ?? _clock.GetUtcNow(), DomIndex.Build(document.DocumentNode))
        {
            Source = source,
        };
    }

    /// <summary>The fields as they leave extraction, through <see cref="TextSanitizer"/>: a page's entity can spell any code point.</summary>
    private static ExtractedArticle Assemble(PageContext context, ExtractionDraft draft)
    {
        var source = context.Source;
        var (language, languageRule) = LanguageDetector.Detect(context.Index.Language, draft.Paragraphs);
        draft.Decide(ArticleField.Media, source?.Media ?? "", source is null ? "none" : "source:" + source.Id);
        draft.Decide(ArticleField.Language, language, languageRule);
        draft.Decide(ArticleField.Images, draft.Images.Count + " images", draft.Rules[ArticleField.Body]);
        return new ExtractedArticle
        {
            Title = TextSanitizer.Clean(draft.Title ?? string.Empty),
            PublishTime = draft.PublishTime,
            Source = TextSanitizer.Clean(draft.Source),
            Media = TextSanitizer.Clean(source?.Media),
            Author = TextSanitizer.Clean(draft.Author),
            Paragraphs = TextSanitizer.Clean(draft.Paragraphs),
            LeadImages = draft.Images,
            Language = language,
            Rules = new Dictionary<ArticleField, string>(draft.Rules),
            Candidates = draft.Candidates,
        };
    }
}
