namespace HealthItFunctions.Core.Extraction.Families;

/// <summary>
/// A family of pages recognisable by markup shared across many sites (government CMS metas, WeChat, gov.cn),
/// contributing the fields that markup pins down exactly.
/// </summary>
internal interface IPageFamily
{
    void Contribute(PageContext page, ExtractionDraft draft);
}
