namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>
/// One step of the extraction chain: site rules, a page family, then the generic field steps. Layers are registered
/// in DI in the order they run (<see cref="ExtractionServiceCollectionExtensions.AddArticleExtraction"/>); each offers
/// candidates to the draft, whose per-field policy decides which one wins, so the chain and every candidate is visible
/// (<see cref="ExtractedArticle.Candidates"/>, <c>healthit explain</c>).
/// </summary>
internal interface IExtractionLayer
{
    void Contribute(PageContext page, ExtractionDraft draft);
}
